# show --format json prints the object that list --format json prints for the entry.
"$CO2CALC" show region gcp:asia-east1 --edition mlco2-impact --format json
show=$("$CO2CALC" show region gcp:asia-east1 --edition mlco2-impact --format json)
list=$("$CO2CALC" list regions --match gcp:asia-east1 --edition mlco2-impact --format json | sed -n '2s/^  //p')
[ "$show" = "$list" ] && echo "the same object as in list --format json"
for kind in "hardware TPUv2Chip mlco2-impact hardware" "location DE green-algorithms-3.0 locations" \
            "provider aws co2calc providers" "instance aws:p3.2xlarge co2calc instances"; do
  set -- $kind
  show=$("$CO2CALC" show "$1" "$2" --edition "$3" --format json)
  "$CO2CALC" list "$4" --edition "$3" --format json | grep -qxF "  $show" ||
    "$CO2CALC" list "$4" --edition "$3" --format json | grep -qxF "  $show," && echo "$1 $2: the same object as in list"
done
