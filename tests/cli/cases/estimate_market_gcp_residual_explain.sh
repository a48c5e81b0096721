# Google's hourly carbon-free share in Frankfurt, the rest at Germany's residual mix.
"$CO2CALC" estimate --hardware "A100 SXM4 80GB" --count 8 --hours 100 --region gcp:europe-west3 --explain | sed -n '/^  Emissions/,/^  Cleanest/p;/^Market-based/,/^  Offsets/p'
