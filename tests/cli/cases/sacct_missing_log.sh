"$CO2CALC" sacct no-such.log --cluster ../../data/sacct/tiny.yaml
