"$CO2CALC" estimate --spec /proc/self/mem
