import Zygote

@Differentiable
func nestedReturn(_ x: Double) -> Double {
  var s = x
  for i in 0..<3 {
    for j in 0..<3 {
      if i + j == 3 { return s } // ERROR 23: 'return' inside a loop is not supported here, in a loop nested in another loop; assign to a variable and 'break'
      s = s * x
    }
  }
  return s
}
