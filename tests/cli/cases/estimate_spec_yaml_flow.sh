# A .yaml spec that opens with '{' is YAML flow style, not JSON: the extension decides,
# then the content (from standard input, JSON when it is JSON, else YAML).
"$CO2CALC" estimate --spec ../specs/flow.yaml | grep -E "^  (Hardware|Time|Where)"
"$CO2CALC" estimate --spec - <../specs/flow.yaml | grep -E "^  (Hardware|Time|Where)"
"$CO2CALC" estimate --spec - <../specs/bert-base.json --format csv | cut -d, -f1-6
