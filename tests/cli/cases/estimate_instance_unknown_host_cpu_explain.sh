"$CO2CALC" estimate --hardware gcp:a2-highgpu-1g --hours 10 --region gcp:us-central1 --explain
