@Differentiable
func ignore(_ x: Double, _ y: Double) -> Double {
  let unused = y * 2
  return x * 3
}
