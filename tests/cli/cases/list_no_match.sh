"$CO2CALC" list hardware --match "no such chip at all"
