"$CO2CALC" data check ../bad/data-implausible-power.yaml
