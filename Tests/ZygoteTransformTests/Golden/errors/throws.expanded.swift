error: 2:6: @Differentiable does not support 'throws' functions yet; remove the effect or write an @Adjoint(of: f)
