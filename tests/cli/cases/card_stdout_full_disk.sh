# The model-card block to a full disk: exit 1 and the reason, not a silent truncation.
"$CO2CALC" card --spec ../specs/bert-base.yaml >/dev/full
