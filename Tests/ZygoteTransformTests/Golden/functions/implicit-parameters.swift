@Differentiable
func predict(_ x: Tensor<Double>) -> Tensor<Double> { matmul(W, x) + b }
