@Differentiable
func integrate(from a: Double, to b: Double, steps: Int, _ f: (Double) -> Double) -> Double {
  let h = (b - a) / Double(steps)
  var sum = 0.0
  for i in 0..<steps {
    sum += f(a + (Double(i) + 0.5) * h)
  }
  return sum * h
}
