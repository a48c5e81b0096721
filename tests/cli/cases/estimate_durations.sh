# Durations as people and Slurm write them, for --hours, --device-hours, spec keys and batch rows.
for h in 3d 72h 90m 1.5d 1w 2d12h 3-00:00:00 72:00:00; do
  printf '%-11s' "$h"; "$CO2CALC" estimate --power 300 --hours "$h" --location FR | grep -E "^  Time"
done
"$CO2CALC" estimate --hardware "A100 SXM4 80GB" --device-hours 1w --location FR | grep -E "^  Time"
printf 'hardware: T4\nhours: 2d12h\nlocation: FR\n' | "$CO2CALC" estimate --spec - | grep -E "^  Time"
printf 'name,hardware,hours,location\nthree days,T4,3d,FR\nslurm,T4,3-00:00:00,FR\nhalf,T4,12:30,FR\n' | "$CO2CALC" batch - --format csv
echo "exit status $?"
