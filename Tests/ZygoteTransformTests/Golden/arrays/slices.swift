@Differentiable
func sliced(_ xs: [Double]) -> Double {
  let middle = xs[1..<4]
  var s = middle[2] * 2
  for (a, b) in zip(xs, xs.reversed()) { s += a * b }
  let copy = Array(xs[2...])
  return s + copy[0]
}
