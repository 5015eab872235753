@Differentiable
func f(_ x: Double) -> Double
