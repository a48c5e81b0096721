"$CO2CALC" data check ../bad/data-duplicate-entry.yaml
