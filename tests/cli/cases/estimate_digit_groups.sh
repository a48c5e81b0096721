# Digits grouped by three with '_' or a space are one number, in flags and spec keys.
"$CO2CALC" estimate --hardware "A100 SXM4 80GB" --device-hours 82_432 --location US | grep -E "Time|Energy"
"$CO2CALC" estimate --hardware "A100 SXM4 80GB" --device-hours "82 432" --location US | grep -E "Time|Energy"
printf 'hardware: A100 SXM4 80GB\ndevice_hours: 82 432\nlocation: US\n' | "$CO2CALC" estimate --spec - | grep -E "Time|Energy"
