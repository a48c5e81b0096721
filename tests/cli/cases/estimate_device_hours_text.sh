"$CO2CALC" estimate --device-hours 100 --hardware "NVIDIA A100 SXM4 80GB" --location FR
