"$CO2CALC" show provider google
