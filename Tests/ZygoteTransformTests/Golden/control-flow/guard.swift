@Differentiable
func guarded(_ x: Double, _ n: Int) -> Double {
  guard n > 0 else { return x }
  return x * Double(n)
}
