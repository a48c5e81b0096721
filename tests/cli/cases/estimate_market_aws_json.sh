"$CO2CALC" estimate --hardware aws:p4d.24xlarge --hours 100 --region aws:us-east-1 --format json | grep -o '"co2_kg": [^,]*\|"market_co2_kg": [^,]*\|"market_basis": {[^}]*}'
