"$CO2CALC" list locations --match germany --format json
