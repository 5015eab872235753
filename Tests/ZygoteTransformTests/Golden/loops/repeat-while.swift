@Differentiable
func iterate(_ x: Double) -> Double {
  var s = x
  var k = 0
  repeat {
    s = cos(s) * x
    k += 1
  } while k < 3
  return s
}
