@Differentiable
func relu(_ x: Double) -> Double { x > 0 ? x : 0.01 * x }
