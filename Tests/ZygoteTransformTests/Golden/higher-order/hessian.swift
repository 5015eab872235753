#hessian(rosenbrock, at: [1.0, 2.0])
