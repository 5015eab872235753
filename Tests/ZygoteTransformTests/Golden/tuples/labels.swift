@Differentiable
func labelled(_ p: (a: Double, b: Double)) -> (sum: Double, product: Double) {
  let t = (first: p.a * p.b, second: p.a + p.b)
  return (sum: t.first + t.1, product: t.first * p.b)
}
