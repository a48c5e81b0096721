"$CO2CALC" list regions --match iowa
