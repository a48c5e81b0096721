"$CO2CALC" list hardware --match "tpu v" --edition co2calc --format json
