@Differentiable
func p(_ x: Double, _ n: Int) -> Double { n == 0 ? 1 : x * p(x, n - 1) }
