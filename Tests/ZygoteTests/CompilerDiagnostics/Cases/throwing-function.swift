import Zygote

@Differentiable
func risky(_ x: Double) throws -> Double { x } // ERROR 6: @Differentiable does not support 'throws' functions yet
