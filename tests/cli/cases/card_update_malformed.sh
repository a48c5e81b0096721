# Malformed cards are refused with exit 2 and left byte for byte as they were.
cards=../../data/cards
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
worst=0
for f in bad-yaml binary duplicate flow-mapping list-front-matter unclosed; do
  cp "$cards/$f.md" "$tmp/$f.md"
  "$CO2CALC" card --spec ../specs/bert-base.yaml --update "$tmp/$f.md"
  rc=$?
  [ "$rc" = 2 ] || { echo "$f: exit $rc" >&2; exit 1; }
  cmp "$tmp/$f.md" "$cards/$f.md" >&2 || exit 1
done
[ -z "$(ls -A "$tmp" | grep co2calc-)" ] || exit 1
exit 2
