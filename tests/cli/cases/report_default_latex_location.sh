"$CO2CALC" estimate --hardware "A100 SXM4 80GB" --count 8 --hours 100 --location FR --format latex
