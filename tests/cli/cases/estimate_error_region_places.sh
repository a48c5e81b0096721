"$CO2CALC" estimate --hardware T4 --hours 2 --region iowa
"$CO2CALC" estimate --hardware T4 --hours 2 --region Frankfurt
"$CO2CALC" estimate --hardware T4 --hours 2 --region Tokyo
