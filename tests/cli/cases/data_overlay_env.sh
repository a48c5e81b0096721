CO2CALC_DATA=../../data/fixtures "$CO2CALC" estimate --hardware "Testco TG-100 80GB" --hours 10 --location NOR --format json
