@Differentiable
func grid(_ x: Double) -> Double {
  var s = x
  for i in 0..<3 {
    for j in 0..<i {
      s = s * x + Double(j)
    }
  }
  return s
}
