@Differentiable
func power(_ x: Double, _ n: Int) -> Double {
  var s = 1.0
  for _ in 0..<n {
    s *= x
  }
  return s
}
