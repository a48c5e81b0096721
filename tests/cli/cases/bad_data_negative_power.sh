"$CO2CALC" data check ../bad/data-negative-power.yaml
