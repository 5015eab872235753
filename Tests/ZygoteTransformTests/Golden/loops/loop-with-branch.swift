@Differentiable
func g(_ x: Double, _ y: Double) -> Double {
  var s = x
  for i in 0..<10 {
    if i % 2 == 0 { s = sin(s) * y } else { s += x / (1 + y * y) }
  }
  return s
}
