@Differentiable
func shadowed(_ x: Double, _ o: Double?) -> Double {
  guard let o else { return x }
  return o * x
}
