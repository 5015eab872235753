// role: body
// context: struct Model
@Differentiable
func apply(_ x: Double) -> Double { x * scale }
