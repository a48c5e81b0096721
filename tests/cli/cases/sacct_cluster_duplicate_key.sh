# tiny.yaml with its PUE given a second time: refused at the second key, as a run spec is.
f=/tmp/co2calc-dup-cluster.$$.yaml; { cat ../../data/sacct/tiny.yaml; printf "PUE: 1.2\n"; } > "$f"; "$CO2CALC" sacct ../../data/sacct/two-jobs.log --cluster "$f"; rc=$?; rm -f "$f"; exit $rc
