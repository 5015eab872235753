@Differentiable
func twice(_ x: Double) -> Double {
  let y = sin(x)
  return y * y + y
}
