"$CO2CALC" estimate --cpu "AMD Ryzen 9 7950X" --hours 10 --location FR
