# The LaTeX report compiles where pdflatex is installed (texlive-latex-base); elsewhere its
# text is checked: balanced braces, every \cite has its BibTeX entry, no bare % _ & #.
set -e
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
check() {
  "$CO2CALC" estimate "$@" --format latex >"$tmp/out.tex"
  sed -n '/^% BibTeX entries:/,$p' "$tmp/out.tex" | grep -v '^%' >"$tmp/refs.bib"
  sed '/^% BibTeX entries:/,$d' "$tmp/out.tex" | grep -v '^%' >"$tmp/para.tex"
  for key in $(grep -o '\\cite{[^}]*}' "$tmp/para.tex" | sed 's/\\cite{\(.*\)}/\1/'); do
    grep -q "{$key," "$tmp/refs.bib" || { echo "missing BibTeX entry $key"; exit 1; }
  done
  opens=$(tr -cd '{' <"$tmp/para.tex" | wc -c); closes=$(tr -cd '}' <"$tmp/para.tex" | wc -c)
  [ "$opens" = "$closes" ] || { echo "unbalanced braces"; exit 1; }
  if sed -e 's/\$[^$]*\$//g' -e 's/\\[%_&#$]//g' "$tmp/para.tex" | grep -q '[%_&#]'; then
    echo "unescaped special character"; exit 1
  fi
  if command -v pdflatex >/dev/null 2>&1; then
    { printf '\\documentclass{article}\n\\begin{document}\n'; cat "$tmp/para.tex"
      printf '\\bibliographystyle{plain}\n\\bibliography{refs}\n\\end{document}\n'; } >"$tmp/doc.tex"
    (cd "$tmp" && pdflatex -interaction=nonstopmode -halt-on-error doc.tex >/dev/null &&
     { ! command -v bibtex >/dev/null 2>&1 || { bibtex doc >/dev/null && pdflatex -interaction=nonstopmode -halt-on-error doc.tex >/dev/null; }; }) ||
      { echo "pdflatex failed"; exit 1; }
  fi
}
check --spec ../specs/bert-base.yaml
check --spec ../specs/bert-base.yaml --method green-algorithms
check --power 400 --count 8 --hours 100 --location FR
check --hardware "A100 SXM4 80GB" --count 8 --hours 100 --region "aws:us-east-1" --cpu "Xeon Gold 6148" --memory 64
echo ok
