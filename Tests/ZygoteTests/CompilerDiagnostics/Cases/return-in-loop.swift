import Zygote

@Differentiable
func loopReturn(_ x: Double) -> Double {
  var s = x
  for i in 0..<3 {
    if i == 1 { return s } // ERROR 17: 'return' inside a loop
    s = s * x
  }
  return s
}
