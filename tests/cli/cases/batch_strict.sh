# A run with a likely mistake (0.38 g/kWh: kg/kWh meant?) is computed with a warning by
# default; with --strict it is a bad run: described on stderr, left out of the totals,
# exit status 1, the other runs still computed.
f=/tmp/co2calc-strict.$$.csv
printf 'name,hardware,count,hours,location,intensity\na,T4,1,10,FR,\nb,T4,1,10,,0.38\nc,T4,1,10,,380\n' > "$f"
"$CO2CALC" batch "$f" --format csv
echo "exit $?"
"$CO2CALC" batch "$f" --format csv --strict
echo "--strict: exit $?"
rm -f "$f"
