"$CO2CALC" estimate --hardware "A100 SXM4 80GB" --count 8 --hours 100 --region aws:us-east-1 --cpu "Xeon Gold 6148" --cores 16 --memory 64 --repeats 2 --explain
