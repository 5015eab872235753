@Differentiable
func pipeline(_ xs: [Double], _ w: Double) -> Double {
  let ys = xs.map { $0 * w }
  let kept = ys.filter { $0 > 0 }
  return kept.reduce(0, +) + ys.reduce(1) { acc, y in acc * y }
}
