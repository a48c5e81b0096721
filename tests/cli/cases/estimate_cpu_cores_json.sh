"$CO2CALC" estimate --cpu "Intel Xeon Platinum 8480+" --cores 56 --hours 1 --location FR --format json
