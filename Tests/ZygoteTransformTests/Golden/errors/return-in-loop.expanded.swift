error: 5:23: 'return' inside a loop is not supported here, in a loop nested in another loop; assign to a variable and 'break'
