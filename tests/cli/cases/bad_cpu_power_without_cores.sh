"$CO2CALC" estimate --cpu "AMD EPYC 7763" --cpu-power 4 --hours 1 --location FR
