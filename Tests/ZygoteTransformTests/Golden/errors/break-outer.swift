@Differentiable
func f(_ x: Double) -> Double {
  var s = x
  outer: for i in 0..<3 {
    for j in 0..<3 {
      if i + j > 2 { break outer }
      s = s * x
    }
  }
  return s
}
