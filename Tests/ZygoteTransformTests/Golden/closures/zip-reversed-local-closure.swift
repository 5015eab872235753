@Differentiable
func combine(_ xs: [Double], _ ys: [Double]) -> Double {
  let f = { (a: Double, b: Double) in a * exp(b) }
  var s = 0.0
  for (a, b) in zip(xs, ys) { s += f(a, b) }
  for x in xs.reversed() { s = s * 0.5 + x }
  return s
}
