# issue 12: a CPU alone, at its base TDP / cores (Processor Base Power 125 W, not the 190 W turbo)
"$CO2CALC" estimate --cpu "Intel Core i7-12700K" --cores 12 --hours 1 --location FR
