@Differentiable
func scaled(_ x: Double, _ n: Int) -> Double {
  let k = Double(n) * 0.5
  let label = "n = \(n)"
  precondition(!label.isEmpty)
  return x * k + dropgrad(x * x)
}
