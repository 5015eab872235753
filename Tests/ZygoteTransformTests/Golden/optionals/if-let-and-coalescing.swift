@Differentiable
func unwrap(_ x: Double, _ present: Bool) -> Double {
  let o: Double? = present ? sin(x) : nil
  if let s = o, s > 0 {
    return s * x
  }
  return (o ?? x) * 2
}
