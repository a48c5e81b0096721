"$CO2CALC" list hardware --format names --match a100
