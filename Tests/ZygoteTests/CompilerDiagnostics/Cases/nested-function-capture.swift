import Zygote

@Differentiable
func outer(_ x: Double) -> Double {
  @Differentiable
  func inner(_ y: Double) -> Double { y * x } // ERROR 8: the nested function 'inner' reads the differentiated variable 'x' of the enclosing function; pass it as a parameter instead
  return inner(3)
}
