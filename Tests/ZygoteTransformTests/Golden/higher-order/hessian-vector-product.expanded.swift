_hessianVectorProduct(at: x, direction: v, { _vjp(rosenbrock: $0) })
