#differentiable({ x in x * x + 1 })
