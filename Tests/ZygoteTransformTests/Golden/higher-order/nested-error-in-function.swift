@Differentiable
func model(_ x: Double) -> Double {
  x * #derivative({ y in x * y }, at: 1.0)
}
