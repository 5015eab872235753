@Differentiable
func root(_ x: Double) -> Double { x.squareRoot() + Double(Float(x)) }
