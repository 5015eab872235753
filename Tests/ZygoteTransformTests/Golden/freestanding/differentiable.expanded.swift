DifferentiableFunction { _vjp(sin: $0) }
