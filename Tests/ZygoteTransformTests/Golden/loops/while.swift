@Differentiable
func halve(_ x: Double) -> Double {
  var s = x
  var steps = 0
  while steps < 5 {
    s = s / 2 + x
    steps += 1
  }
  return s
}
