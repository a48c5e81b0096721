"$CO2CALC" compare --spec ../specs/bert-base.yaml --what-if hardware="A100 SXM4 80GB" --what-if count=8,hours=24 --format csv
