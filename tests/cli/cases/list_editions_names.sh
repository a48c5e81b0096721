# Names only, one a line, sorted: what shell completion reads.
"$CO2CALC" list editions --format names
