// context: enum Physics {}
@Differentiable
static func drag(_ v: Double, _ c: Double) -> Double { c * v * v }
