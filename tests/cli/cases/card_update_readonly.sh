# A read-only model card is not edited, even by root (rename would replace it): exit 1,
# the reason on stderr, the file byte for byte as it was.
tmp=$(mktemp -d); trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
cp ../../data/cards/hub-template.md "$tmp/README.md"
chmod 444 "$tmp/README.md"
"$CO2CALC" card --spec ../specs/bert-base.yaml --update "$tmp/README.md"
rc=$?
cmp "$tmp/README.md" ../../data/cards/hub-template.md >&2 || exit 9
[ "$(stat -c %a "$tmp/README.md")" = 444 ] || exit 9
[ -z "$(ls -A "$tmp" | grep co2calc-)" ] || exit 9
exit $rc
