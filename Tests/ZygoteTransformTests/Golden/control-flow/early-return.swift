@Differentiable
func early(_ x: Double) -> Double {
  if x < 0 {
    return -x
  }
  let y = x * x
  return y + 1
}
