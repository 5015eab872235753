error: 2:6: @Differentiable needs a function with a body
