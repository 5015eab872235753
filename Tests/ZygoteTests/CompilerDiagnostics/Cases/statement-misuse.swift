import Zygote

@Differentiable
func elementRemainder(_ xs: [Double]) -> Double {
  var ys = xs
  ys[0] %= 2 // ERROR 3: the operator '%=' cannot be applied to a differentiated element
  return ys[0]
}

@Differentiable
func nestedPullback(_ x: Double) -> Double {
  let p = #pullback({ (y: Double) -> Double in y * y }, at: x) // ERROR 11: a @Differentiable function that takes a nested derivative gets a forward-mode rule: it must be a global or nested function, generic over T: ElementaryFloatingPoint, of one T or [T] argument or two T arguments, returning T
  return p.value
}

@Differentiable
func keyedByValue(_ x: Double) -> Double {
  let d = [x: 1.0] // ERROR 12: a dictionary key must not depend on a differentiated value
  return d[0] ?? x
}

@Differentiable
func returnsNothing(_ x: Double) -> Double {
  if x > 0 { return } // ERROR 14: a differentiable function must return a value
  return x
}
