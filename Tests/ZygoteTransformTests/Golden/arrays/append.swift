@Differentiable
func appended(_ xs: [Double], _ c: Double) -> Double {
  var ys: [Double] = []
  for i in 0..<xs.count {
    ys.append(xs[i] * c)
  }
  return ys[0] + ys[ys.count - 1]
}
