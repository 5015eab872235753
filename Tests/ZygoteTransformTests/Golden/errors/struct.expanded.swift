error: 1:1: @Differentiable applies to functions; mark the struct 'Point' with @DifferentiableStruct instead
