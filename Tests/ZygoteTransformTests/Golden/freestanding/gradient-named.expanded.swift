_gradientOf(_vjp(f: 10.0))
