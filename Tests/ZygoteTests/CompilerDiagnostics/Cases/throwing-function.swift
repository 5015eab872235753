import Zygote

@Differentiable
func risky(_ x: Double) throws -> Double { x } // ERROR 6: @Differentiable does not support 'throws' functions yet; remove the effect or write an @Adjoint(of: risky)
