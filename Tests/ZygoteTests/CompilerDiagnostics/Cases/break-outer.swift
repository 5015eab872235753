import Zygote

@Differentiable
func grid(_ x: Double) -> Double {
  var s = x
  outer: for i in 0..<3 {
    for j in 0..<3 {
      if i + j > 2 { break outer } // ERROR 22: 'break outer' leaves more than one loop; this is not supported in a differentiable function yet
      s = s * x
    }
  }
  return s
}
