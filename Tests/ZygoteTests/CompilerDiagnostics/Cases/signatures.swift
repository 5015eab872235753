import Zygote

@Differentiable
func withInout(_ x: inout Double) -> Double { x * 2 } // ERROR 16: @Differentiable does not support 'inout' parameters yet: 'x'

@Differentiable
func variadic(_ xs: Double...) -> Double { xs[0] } // ERROR 15: @Differentiable does not support variadic parameters yet: 'xs'; pass an array

@Differentiable
func noParameters() -> Double { 3 } // ERROR 6: @Differentiable needs a function with at least one parameter to differentiate

@Differentiable
func counts(_ x: Double) -> Int { Int(x) } // ERROR 6: the result type 'Int' of 'counts' has no derivative; a differentiable function returns Double, Float, an array, a tuple or a @DifferentiableStruct of them

protocol Shape {
  @Differentiable
  func area(_ scale: Double) -> Double // ERROR 8: @Differentiable needs a function with a body
}
