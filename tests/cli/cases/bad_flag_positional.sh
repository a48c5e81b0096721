"$CO2CALC" estimate run.yaml
