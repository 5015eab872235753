#derivative({ x in #derivative({ y in #derivative(sin, at: y) }, at: x) }, at: 1.0)
