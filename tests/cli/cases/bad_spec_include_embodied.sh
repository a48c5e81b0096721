printf 'hardware: H100 SXM5\ncount: 8\nhours: 10\nlocation: US\ninclude_embodied: maybe\n' | "$CO2CALC" card --spec -
