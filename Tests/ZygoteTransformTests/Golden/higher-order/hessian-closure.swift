#hessian({ x in x[0] * x[1] * x[1] }, at: [1.0, 2.0])
