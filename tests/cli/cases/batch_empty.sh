printf '' | "$CO2CALC" batch -
