// role: body
// context: func example()
@Differentiable func repeated(_ t: Tensor<Double>, times n: Int) -> Tensor<Double> {
  if n == 0 { return t }
  return repeated(t * W, times: n - 1)
}
