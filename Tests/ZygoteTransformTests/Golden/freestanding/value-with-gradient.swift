#valueWithGradient(f, at: 10.0)
