"$CO2CALC" list regions --match aws:us-east
