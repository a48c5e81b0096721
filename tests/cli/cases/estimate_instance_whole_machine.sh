"$CO2CALC" estimate --hardware aws:p4d.24xlarge --hours 10 --region aws:us-east-1
