"$CO2CALC" estimate --spec ../bad/trailing-comma.json
