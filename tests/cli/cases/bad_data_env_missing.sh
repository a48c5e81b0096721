CO2CALC_DATA=/nonexistent/dir "$CO2CALC" list editions
