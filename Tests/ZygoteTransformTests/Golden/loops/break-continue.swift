@Differentiable
func partial(_ x: Double) -> Double {
  var s = 0.0
  outer: for i in stride(from: 0, to: 20, by: 2) {
    if i == 4 { continue }
    s += x * Double(i)
    if s > 100 { break outer }
  }
  return s
}
