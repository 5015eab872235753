#pullback(f, at: 10.0)
