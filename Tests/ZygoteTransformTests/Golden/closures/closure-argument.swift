@Differentiable
func caller(_ x: Double, _ w: Double) -> Double {
  integrate(from: 0, to: x, steps: 100) { t in sin(t * w) }
}
