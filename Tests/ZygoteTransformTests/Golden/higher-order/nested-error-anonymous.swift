#derivative({ $0 * #derivative(sin, at: $0) }, at: 4.0)
