@Differentiable
func f(_ x: Double) -> Double {
  for i in 0..<3 {
    if i == 1 { return x }
  }
  return 0
}
