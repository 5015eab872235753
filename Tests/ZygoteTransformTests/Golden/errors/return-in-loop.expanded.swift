error: 4:17: 'return' inside a loop is not supported in a differentiable function yet; assign to a variable and 'break'
