_hessian(at: 3.0, 2.0, { _vjp(g: $0, $1) })
