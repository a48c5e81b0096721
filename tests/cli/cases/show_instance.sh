"$CO2CALC" show instance aws:p4d.24xlarge
