"$CO2CALC" compare --spec ../specs/bert-base.yaml --what-if region=gcp:europe-west6 --what-if mixed-precision=2 --what-if "region=gcp:europe-west6,mixed-precision=2"
