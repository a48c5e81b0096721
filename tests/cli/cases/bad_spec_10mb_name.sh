t=$(mktemp); trap "rm -f $t" EXIT; { printf "hardware: "; head -c 10000000 /dev/zero | tr "\\0" x; printf "\nhours: 1\nlocation: FR\n"; } >"$t"; "$CO2CALC" estimate --spec "$t"
