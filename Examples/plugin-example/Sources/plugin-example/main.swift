// Prints gradients computed with the pullbacks ZygotePlugin generated.
//
//     swift run plugin-example             a short demonstration
//     swift run plugin-example W B         "loss <value> <dw> <db>" at (W, B)
//     swift run plugin-example --step X    "step <value> <dx>" of smoothStep's closure at X
//     swift run plugin-example --poly X    "poly <value> <dx>" of horner(x) + power(x, 3) at X
//     swift run plugin-example --params X  "params <value> <dw>" of Σ cube(w), w = [X], by Params
//
// The test suite of swift-zygote runs the last two forms and checks them against central finite
// differences of the printed values.
import PluginExample
import Zygote

/// `smoothStep(x) + x²/2`, differentiated as a closure: `smoothStep` is annotated in the library
/// target, `square` is found by this target's plugin run.
func stepValueWithGradient(_ x: Double) -> (value: Double, gradient: Double) {
  #valueWithGradient({ x in smoothStep(x) + square(x) / 2 }, at: x)
}

/// `horner(x) + power(x, 3)`: a loop and a recursion, both unannotated (Polynomial.swift).
func polyValueWithGradient(_ x: Double) -> (value: Double, gradient: Double) {
  #valueWithGradient({ x in horner(x) + power(x, 3) }, at: x)
}

/// Unannotated and in this target: this target's plugin run generates its pullback.
func square(_ x: Double) -> Double { x * x }

/// Unannotated, called from a `#gradient(Params(...))` closure inside a function: such a call
/// finds its rule when the code runs, in the generated file's table of rules by name.
func cube(_ t: Tensor<Double>) -> Tensor<Double> { t * t * t }

/// `Σ cube(w)` and its gradient in the implicit parameter `w = [x]`: `3x²`.
func paramsValueWithGradient(_ x: Double) -> (value: Double, gradient: Double) {
  let w = Tensor<Double>([x])
  let g = #gradient(Params([w])) { cube(w).sum() }
  return (cube(w).sum(), g[w]?.scalars[0] ?? .nan)
}

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.count == 2, arguments[0] == "--step", let x = Double(arguments[1]) {
  let (value, dx) = stepValueWithGradient(x)
  print("step", value, dx)
} else if arguments.count == 2, arguments[0] == "--poly", let x = Double(arguments[1]) {
  let (value, dx) = polyValueWithGradient(x)
  print("poly", value, dx)
} else if arguments.count == 2, arguments[0] == "--params", let x = Double(arguments[1]) {
  let (value, dw) = paramsValueWithGradient(x)
  print("params", value, dw)
} else if arguments.count == 2, let w = Double(arguments[0]), let b = Double(arguments[1]) {
  let (value, (dw, db)) = #valueWithGradient(loss, at: w, b)
  print("loss", value, dw, db)
} else {
  var w = 0.0
  var b = 0.0
  for step in 0..<200 {
    let (dw, db) = #gradient(loss, at: w, b)
    w -= 0.5 * dw
    b -= 0.5 * db
    if step % 50 == 0 { print("step \(step): loss \(loss(w, b))") }
  }
  print("fitted w = \(w), b = \(b), loss \(loss(w, b))")
  print("d/dx [smoothStep(x) + x²/2] at 0.3 = \(stepValueWithGradient(0.3).gradient)")
}
