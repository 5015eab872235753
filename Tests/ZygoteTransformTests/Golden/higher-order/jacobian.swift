#jacobian(polarToCartesian, at: [2.0, 0.5])
