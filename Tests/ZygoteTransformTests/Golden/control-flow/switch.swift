@Differentiable
func pick(_ x: Double, _ k: Int) -> Double {
  var y = x
  switch k {
  case 0:
    y = sin(y)
  case 1, 2:
    y = y * 3
  default:
    break
  }
  return y
}
