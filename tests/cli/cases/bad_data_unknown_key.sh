"$CO2CALC" data check ../bad/data-unknown-key.yaml
