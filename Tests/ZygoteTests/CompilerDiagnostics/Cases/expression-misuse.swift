import Zygote
#if canImport(Glibc)
  import Glibc
#endif

struct Box {
  func apply(_ f: (Double) -> Double) -> Double { f(1) }
}

func isBig(_ x: Double) -> Bool { x > 10 }

@Differentiable
func trailingOnMethod(_ x: Double, _ box: Box) -> Double {
  box.apply { $0 * x } // ERROR 3: a call with a trailing closure cannot be differentiated yet: 'apply'
}

@Differentiable
func activeCondition(_ x: Double) -> Double {
  isBig(x) ? x : 2 * x // ERROR 3: the condition of '?:' must not be differentiated
}

infix operator **=: AssignmentPrecedence
func **= (a: inout Double, b: Double) { a = a * b }

@Differentiable
func customCompound(_ x: Double) -> Double {
  var y = x
  y **= 2 // ERROR 3: a statement whose result is unused cannot use a differentiated value here (a mutating method such as 'append' or an 'inout' argument loses its derivative); assign the result to a variable
  return y
}

let table: [String: DifferentiableFunction<Double, Double>] = ["sin": #differentiable(sin)]

@Differentiable
func twoArguments(_ x: Double) -> Double {
  table["sin"]!(x, x) // ERROR 3: a function value can be differentiated only with exactly one argument (a DifferentiableFunction)
}

var W = Tensor<Double>([1, 2])
func lossOfW() -> Double { W.sum() }
let g = #gradient(Params([W])) { lossOfW() } // ERROR 34: a call of 'lossOfW' with no arguments cannot be differentiated; pass the differentiated values as arguments
