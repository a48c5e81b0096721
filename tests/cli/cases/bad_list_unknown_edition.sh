"$CO2CALC" list hardware --edition nope
