"$CO2CALC" compare --hardware T4 --hours 10 --intensity 300 --what-if intensity=100
