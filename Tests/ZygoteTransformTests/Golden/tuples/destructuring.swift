@Differentiable
func polarDistance(_ r: Double, _ theta: Double) -> Double {
  let (x, (y, _)) = (r * cos(theta), (r * sin(theta), r))
  return x * x + 3 * y
}
