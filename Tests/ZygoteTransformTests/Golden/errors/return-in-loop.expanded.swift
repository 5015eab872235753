error: 5:23: 'return' inside a loop is not supported in a differentiable function yet; assign to a variable and 'break'
