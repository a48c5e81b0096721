"$CO2CALC" estimate --cpu "AMD EPYC 7763" --sockets 1.5 --hours 1 --location FR
