# A carbon intensity below 5 g/kWh typed by hand (--intensity, or the cluster file's CI) is
# likely kg/kWh: a warning, the report still written, exit 0; --strict makes it an error
# (exit 2, nothing on stdout). (A CI the cluster file takes from its location is never
# warned about: check_sacct.)
"$CO2CALC" sacct ../../data/sacct/two-jobs.log --cluster ../../data/sacct/tiny.yaml --intensity 0.4 | grep -E "^cluster"
echo "--intensity 0.4: exit ${PIPESTATUS[0]}"
"$CO2CALC" sacct ../../data/sacct/two-jobs.log --cluster ../../data/sacct/tiny.yaml --intensity 0.4 --strict
echo "--intensity 0.4 --strict: exit $?"
f=/tmp/co2calc-ci.$$.yaml
sed 's/^CI: 400$/CI: 0.42/' ../../data/sacct/tiny.yaml > "$f"
"$CO2CALC" sacct ../../data/sacct/two-jobs.log --cluster "$f" 2>&1 >/dev/null | sed "s|$f|CLUSTER|"
echo "CI: 0.42: exit ${PIPESTATUS[0]}"
"$CO2CALC" sacct ../../data/sacct/two-jobs.log --cluster "$f" --intensity 420 --strict | grep -E "^cluster" | sed "s|$f|CLUSTER|"
echo "CI: 0.42 overridden by --intensity 420 --strict: exit ${PIPESTATUS[0]}"
rm -f "$f"
