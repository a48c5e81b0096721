"$CO2CALC" estimate --spec ../specs
