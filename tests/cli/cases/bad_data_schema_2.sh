"$CO2CALC" data check ../bad/data-schema-2.yaml
