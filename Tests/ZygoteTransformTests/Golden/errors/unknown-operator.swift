@Differentiable
func f(_ x: Double) -> Double { x ** 2 }
