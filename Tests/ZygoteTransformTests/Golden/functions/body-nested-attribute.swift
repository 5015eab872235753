// role: body
@Differentiable
func outer(_ x: Double) -> Double {
  @Differentiable
  func square(_ y: Double) -> Double { y * y }
  return square(x) + square(2 * x)
}
