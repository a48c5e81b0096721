# The disk fills up while the new card is written (simulated with a file-size limit of
# 2 KiB): exit 1, the reason on stderr, the card as it was, no temporary file left.
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cp ../../data/cards/hub-template.md "$tmp/README.md"
for i in $(seq 60); do echo "Evaluation line $i: accuracy, F1 and the rest of a long model card." >>"$tmp/README.md"; done
cp "$tmp/README.md" "$tmp/orig"
# (GCOV_PREFIX: in a coverage build, the profile must not be written under the limit.)
(trap '' XFSZ; ulimit -f 2; GCOV_PREFIX=/dev/null/gcov "$CO2CALC" card --spec ../specs/bert-base.yaml --update "$tmp/README.md")
rc=$?
cmp "$tmp/README.md" "$tmp/orig" >&2 || exit 9
[ -z "$(ls -A "$tmp" | grep co2calc-)" ] || exit 9
exit $rc
