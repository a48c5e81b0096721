"$CO2CALC" show region asia-east1 --edition mlco2-impact
