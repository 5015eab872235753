#hessian(g, at: 3.0, 2.0)
