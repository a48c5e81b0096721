# A device given by its power alone has no manufacturing figure: null, not 0.
"$CO2CALC" estimate --power 300 --count 2 --hours 10 --location FR --format json | grep -o '"embodied_kg": [^,]*, "embodied_range_kg": [^,]*'
