_jacobian(at: [2.0, 0.5], reverse: { _vjp(polarToCartesian: $0) }, forward: { polarToCartesian($0) })
