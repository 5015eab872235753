import Zygote
#if canImport(Glibc)
  import Glibc
#endif

func maybeHalf(_ x: Double) -> Double? { x > 0 ? x / 2 : nil }

@Differentiable
func bindsComputedOptional(_ x: Double) -> Double {
  if let h = maybeHalf(x) { return h * x } // ERROR 3: binding the differentiated value 'h' with a 'case' pattern, or with 'if let' of a computed optional, is not supported; bind the optional to a variable first, then use 'if let', '??' or '!'
  return x
}

@Differentiable
func square(_ x: Double) -> Double { x * x }

@Differentiable
func checkpointsAClosure(_ x: Double) -> Double {
  checkpointed({ $0 * 2 }, x) // ERROR 16: checkpointed needs the name of a @Differentiable function of one argument, not '{ $0 * 2 }'; a closure could capture differentiated values whose gradient would be lost
}

@Differentiable
func checkpointsWithoutArgument(_ x: Double) -> Double {
  checkpointed(square) + x // ERROR 3: checkpointed takes a function and its argument: checkpointed(f, x)
}

@Differentiable
func nestsADerivative(_ x: Double) -> Double {
  x * #derivative({ y in x * y }, at: 1.0) // ERROR 7: a @Differentiable function that takes a nested derivative gets a forward-mode rule: it must be a global or nested function, generic over T: ElementaryFloatingPoint, of one T or [T] argument or two T arguments, returning T
}

@Differentiable
func remainder(_ x: Double) -> Double {
  var y = x
  y %= 2 // ERROR 3: the operator '%=' cannot be applied to a differentiated variable
  return y
}
