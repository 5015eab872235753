error: 1:22: #derivative needs the point to differentiate at: #derivative(f, at: x) or #derivative(f, at: x, y)
