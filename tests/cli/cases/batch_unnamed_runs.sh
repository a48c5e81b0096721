# A run without a name: the text report labels it by its device, CSV and JSON leave the name empty.
runs='hardware,count,hours,location
TPU v2,4,96,FR
'
printf '%s' "$runs" | "$CO2CALC" batch -
printf '%s' "$runs" | "$CO2CALC" batch - --format csv
printf '%s' "$runs" | "$CO2CALC" batch - --format json
