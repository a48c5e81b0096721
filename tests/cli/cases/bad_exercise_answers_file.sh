# A file that is not "name: number" lines is bad input (exit 2), named with its line.
printf 'answers:\n  co2_kg: 3\n' | "$CO2CALC" exercise check 1 -
