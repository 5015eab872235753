_hessian(at: [1.0, 2.0], { _vjp(rosenbrock: $0) })
