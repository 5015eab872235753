@Differentiable
func w1(_ x: Double, _ y: Double) -> Double {
  sin(x) * y + exp(x * y) / (1 + x * x) + log(1 + y * y)
}
