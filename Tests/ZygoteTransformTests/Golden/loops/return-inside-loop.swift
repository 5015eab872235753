@Differentiable
func firstAbove(_ x: Double, _ limit: Double) -> Double {
  var s = x
  for i in 0..<20 {
    s = s * 1.5 + Double(i) * 0.1
    if s > limit { return s * x }
  }
  return s
}
