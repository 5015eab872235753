@Differentiable
func f(_ x: Double) -> Double {
  @Differentiable
  func g(_ y: Double) -> Double { y * x }
  return g(2)
}
