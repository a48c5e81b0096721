# The built-in exercises, each with its one-line summary.
"$CO2CALC" exercise list
