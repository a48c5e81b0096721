printf "name,hardwre,hours\nx,A100,1\n" | "$CO2CALC" batch - --input-format csv
