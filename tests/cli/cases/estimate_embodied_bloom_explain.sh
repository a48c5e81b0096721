# BLOOM's final training (Luccioni, Viguier, Ligozat 2022): 1,082,990 A100 GPU-hours on
# 8-GPU servers; the paper's embodied figure is 11.2 t.
"$CO2CALC" estimate --hardware "NVIDIA A100-SXM4-80GB" --device-hours 1082990 --location FR --explain | sed -n '/^  Emissions/,/^  Embodied/p;/^Embodied carbon/,/^  Total/p'
