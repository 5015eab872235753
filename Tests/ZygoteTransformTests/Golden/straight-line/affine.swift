@Differentiable
func f(_ x: Double) -> Double { 5 * x + 3 }
