"$CO2CALC" data check ../bad/data-future-year.yaml
