# A location given with a region: the grid of France, as given, for a run in aws:us-east-1.
"$CO2CALC" estimate --hardware T4 --hours 10 --region aws:us-east-1 --location FR
"$CO2CALC" estimate --hardware T4 --hours 10 --region aws:us-east-1 --location FR --format markdown | grep Where
"$CO2CALC" estimate --hardware T4 --hours 10 --region aws:us-east-1 --location FR --format latex | grep 'as given'
