import Zygote

postfix operator ^^
postfix func ^^ (x: Double) -> Double { x * x }

@Differentiable
func squaredTwice(_ x: Double) -> Double {
  let y = x^^ // ERROR 11: the postfix operator '^^' is not supported on a differentiated value
  return y
}

@Differentiable
func sortsInPlace(_ xs: [Double]) -> Double {
  var ys = xs
  ys.sort() // ERROR 3: a statement whose result is unused cannot use a differentiated value here (a mutating method such as 'append' or an 'inout' argument loses its derivative); assign the result to a variable
  return ys[0]
}
