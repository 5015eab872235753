_valueWithGradientOf(_vjp(f: 10.0))
