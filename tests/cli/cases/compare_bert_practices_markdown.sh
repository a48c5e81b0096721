"$CO2CALC" compare --spec ../specs/bert-base.yaml --what-if early-stopping=0.5 --what-if random-search=3 --format markdown
