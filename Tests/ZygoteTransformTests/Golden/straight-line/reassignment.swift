@Differentiable
func g(_ x: Double) -> Double {
  var s = x
  s = s * s
  s += x
  s *= 2
  let t = s - x
  return t / s
}
