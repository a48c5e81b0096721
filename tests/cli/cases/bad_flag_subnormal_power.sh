# A subnormal power (below 1e-9 W) would underflow: refused, not computed to 0.
"$CO2CALC" estimate --power 1e-320 --hours 1 --location FR
