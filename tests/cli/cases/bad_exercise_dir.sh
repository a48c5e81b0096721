# --exercises with a folder that holds no exercise folder.
"$CO2CALC" exercise list --exercises ../../data/exercises/notes
