// role: body
@Differentiable
func f(_ x: Double, _ n: Int) -> Double { 5 * x + Double(n) }
