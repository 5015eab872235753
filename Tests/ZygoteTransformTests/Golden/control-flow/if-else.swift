@Differentiable
func piecewise(_ x: Double) -> Double {
  var y = x
  if x > 0 {
    y = y * y
  } else if x > -1 {
    y = -y
  } else {
    y = sin(y)
  }
  return y * 2
}
