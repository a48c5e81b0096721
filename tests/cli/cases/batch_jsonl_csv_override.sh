"$CO2CALC" batch ../../data/batch/same.jsonl --format csv --location FR
