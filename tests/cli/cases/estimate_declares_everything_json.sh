printf "hardware: A100 SXM4 80GB\ncount: 8\nhours: 100\nlocation: FR\nsite: laptop\nutilization: 0.5\nmemory: 128\npue: 1\nintensity: 56\n" | "$CO2CALC" estimate --spec - --format json
