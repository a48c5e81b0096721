"$CO2CALC" list providers --edition co2calc
