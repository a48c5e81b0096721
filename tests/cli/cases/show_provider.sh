"$CO2CALC" show provider ovh
"$CO2CALC" show provider "Google Cloud Platform" --edition green-algorithms-3.0
