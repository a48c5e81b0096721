"$CO2CALC" estimate --hardware T4 --hours 2 --location UK
