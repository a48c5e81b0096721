# A comma may be a thousands separator or a decimal comma: refused, with both readings.
"$CO2CALC" estimate --hardware "A100 SXM4 80GB" --device-hours 82,432 --location US
