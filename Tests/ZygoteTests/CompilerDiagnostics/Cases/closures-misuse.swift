import Zygote

struct Box {
  func apply(_ f: (Double) -> Double, _ x: Double) -> Double { f(x) }
}

@Differentiable
func storedClosure(_ x: Double) -> Double {
  var g = { (y: Double) in y * x } // ERROR 11: a closure that uses a differentiated value can be passed to map, filter, reduce or a @Differentiable free function, or bound with 'let' and called; here it cannot: move the code into a @Differentiable function
  g = { $0 }
  return g(2)
}

@Differentiable
func methodHigherOrder(_ x: Double, _ box: Box) -> Double {
  box.apply({ $0 * x }, 1) + box.apply(sinOf, x) // ERROR 13: a closure that uses a differentiated value can be passed to map, filter, reduce or a @Differentiable free function, or bound with 'let' and called; here it cannot: move the code into a @Differentiable function
}

func sinOf(_ x: Double) -> Double { x }

@Differentiable
func throwingClosure(_ f: (Double) throws -> Double, _ x: Double) -> Double { x } // ERROR 22: the function-typed parameter 'f' of a differentiable function must take one or more arguments and must not throw
