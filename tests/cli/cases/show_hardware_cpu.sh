"$CO2CALC" show hardware "Intel(R) Xeon(R) Gold 6148 CPU @ 2.40GHz" --edition green-algorithms-3.0
