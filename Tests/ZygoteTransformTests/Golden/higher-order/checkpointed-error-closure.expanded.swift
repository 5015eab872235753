error: 3:16: checkpointed needs the name of a @Differentiable function of one argument, not '{ y in y * x }'; a closure could capture differentiated values whose gradient would be lost
