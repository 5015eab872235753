import Zygote

@Differentiable
func nestedReturn(_ x: Double) -> Double {
  var s = x
  for i in 0..<3 {
    for j in 0..<3 {
      if i + j == 3 { return s } // ERROR 23: 'return' inside a loop is not supported
      s = s * x
    }
  }
  return s
}
