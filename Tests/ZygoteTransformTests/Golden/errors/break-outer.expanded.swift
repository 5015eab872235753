error: 6:22: 'break outer' leaves more than one loop; this is not supported in a differentiable function yet
