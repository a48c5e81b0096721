"$CO2CALC" estimate --cpu "AMD EPYC 7763" --sockets 2 --hours 1 --location FR
