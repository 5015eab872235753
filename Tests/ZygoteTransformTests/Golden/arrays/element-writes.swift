@Differentiable
func euler(_ state: [Double], _ k: Double) -> Double {
  var x = state
  for _ in 0..<10 {
    x[0] = x[0] + 0.1 * x[1]
    x[1] -= 0.1 * k * x[0]
  }
  return x[0] * x[1]
}
