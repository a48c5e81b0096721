"$CO2CALC" estimate --hardware aws:p3.2xlarge --count 2 --hours 5 --region aws:us-east-1 --explain | sed -n '/^Embodied carbon/,/^  Total/p'
