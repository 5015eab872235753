// context: func outer() {}
@Differentiable
func inner(_ x: Double) -> Double { x * 2 }
