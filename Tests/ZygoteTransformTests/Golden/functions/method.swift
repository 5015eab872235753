// context: struct Spring { var k: Double }
@Differentiable
func energy(_ x: Double) -> Double { 0.5 * k * x * x }
