"$CO2CALC" estimate --hardware T4 --count 2 --cpu "EPYC 7763" --cores 8 --memory 64 --hours 3 --location FR --repeats 2 --name "my-run" --training-type fine-tuning --explain --format json
