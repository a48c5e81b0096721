"$CO2CALC" estimate --hardware p3.2xlarge --hours 10 --region aws:us-east-1 --method mlco2 --format json
