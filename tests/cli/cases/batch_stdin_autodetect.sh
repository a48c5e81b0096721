"$CO2CALC" batch - --format csv < ../../data/batch/same.yaml
