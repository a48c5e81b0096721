"$CO2CALC" data check ../bad/data-no-source.yaml
