# Every name and alias of one edition, once each (the TPUs of ML CO2 Impact).
"$CO2CALC" list hardware --format names --edition mlco2-impact | grep TPU
