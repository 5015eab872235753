@Differentiable
func fromScalars(_ a: Double, _ b: Double) -> Double {
  let p = Point(x: a * b, y: a)
  return norm2(p)
}
