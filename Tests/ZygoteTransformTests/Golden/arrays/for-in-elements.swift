@Differentiable
func weighted(_ xs: [Double], _ w: Double) -> Double {
  var s = 0.0
  for x in xs where x > -10 {
    s += sin(x) * w
  }
  return s
}
