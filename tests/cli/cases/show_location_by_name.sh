"$CO2CALC" show location france
