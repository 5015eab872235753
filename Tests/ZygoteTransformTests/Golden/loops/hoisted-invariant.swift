@Differentiable
func w2(_ x: Double) -> Double {
  var s = x
  for i in 0..<1000 {
    if i % 3 == 0 {
      s = sin(s) * 1.0001 + 0.1 * x
    } else {
      s = s * 0.999 + cos(x) * 0.001
    }
  }
  return s
}
