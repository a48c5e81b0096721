"$CO2CALC" data check ../bad/data-missing-location.yaml
