_gradientOf(_vjp(g: 0.5, 2.0))
