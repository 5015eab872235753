#differentiable(sin)
