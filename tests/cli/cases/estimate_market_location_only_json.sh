# No provider: no market-based figure (null, not 0).
"$CO2CALC" estimate --hardware "A100 SXM4 80GB" --count 8 --hours 100 --location DE --format json | grep -o '"market_co2_kg": [^,]*, "market_basis": [^,]*'
