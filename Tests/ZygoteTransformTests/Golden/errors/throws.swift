@Differentiable
func f(_ x: Double) throws -> Double { x }
