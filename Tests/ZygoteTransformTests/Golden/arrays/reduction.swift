@Differentiable
func w4(_ xs: [Double]) -> Double {
  var s = 0.0
  for i in 0..<(xs.count - 1) {
    s += xs[i] * xs[i + 1] + sin(xs[i])
  }
  return s
}
