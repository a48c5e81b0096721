"$CO2CALC" data check ../bad/data-implausible-intensity.yaml
