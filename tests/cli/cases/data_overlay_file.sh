"$CO2CALC" estimate --data ../../data/fixtures/mini.yaml --hardware TG100 --count 2 --hours 10 --region tc:south-1 --format json
