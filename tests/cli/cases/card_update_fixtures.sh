# card --update on copies of real-shaped model cards: the result must equal the expected
# file byte for byte, and the file mode must be kept.
set -e
cards=../../data/cards
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for f in hub-template existing-block no-front-matter crlf body-dashes comments empty-flow old-number; do
  cp "$cards/$f.md" "$tmp/$f.md"
  chmod 640 "$tmp/$f.md"
  "$CO2CALC" card --spec ../specs/bert-base.yaml --update "$tmp/$f.md" | sed "s|$tmp/||"
  cmp "$tmp/$f.md" "$cards/expected/$f.md"
  [ "$(stat -c %a "$tmp/$f.md")" = 640 ] || { echo "$f: mode changed"; exit 1; }
done
# A second run changes nothing.
"$CO2CALC" card --spec ../specs/bert-base.yaml --update "$tmp/crlf.md" | sed "s|$tmp/||"
cmp "$tmp/crlf.md" "$cards/expected/crlf.md"
# No temporary file is left behind.
ls -A "$tmp" | grep -c co2calc- || true
