"$CO2CALC" data check ../../data/fixtures/mini.yaml ../specs/malformed.yaml
