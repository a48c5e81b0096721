"$CO2CALC" show instance Standard_NC24r_Promo
