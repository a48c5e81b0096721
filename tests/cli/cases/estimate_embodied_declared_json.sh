"$CO2CALC" estimate --hardware "A100 SXM4 80GB" --count 2 --hours 10 --location FR --lifetime-years 4 --use-share 1 --embodied-kg 500 --format json
