# A symbolic link to a card: the card it points to is edited, the link stays a link.
set -e
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cp ../../data/cards/hub-template.md "$tmp/card.md"
ln -s card.md "$tmp/README.md"
"$CO2CALC" card --spec ../specs/bert-base.yaml --update "$tmp/README.md" | sed "s|$tmp/||"
[ -L "$tmp/README.md" ]
cmp "$tmp/card.md" ../../data/cards/expected/hub-template.md
