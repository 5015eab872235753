// role: body
// context: func example()
@Differentiable
func predict(_ x: Tensor<Double>) -> Tensor<Double> {
  let y = matmul(W, x)
  return layer(y) + b
}
