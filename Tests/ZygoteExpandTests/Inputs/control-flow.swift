// Branches, early exits, switches, while loops and generics.
import Zygote

@Differentiable
func relu(_ x: Double) -> Double {
  if x > 0 {
    return x
  }
  return 0
}

@Differentiable
func clamped(_ x: Double, _ limit: Double) -> Double {
  guard x < limit else { return limit }
  return x > -limit ? x : -limit
}

@Differentiable
func piecewise(_ x: Double, _ mode: Int) -> Double {
  switch mode {
  case 0:
    return x * x
  case 1, 2:
    return sin(x) + Double(mode)
  default:
    return exp(x)
  }
}

@Differentiable
func newton(_ a: Double) -> Double {
  var guess = a
  var steps = 0
  while steps < 6 {
    guess = (guess + a / guess) / 2
    steps += 1
  }
  return guess
}

@Differentiable
func cube<T: BinaryFloatingPoint>(_ x: T) -> T {
  x * x * x
}

let slope = #gradient(newton, at: 2.0)
let (v, pb) = #pullback({ (x: Double, y: Double) in relu(x) * clamped(y, 1) }, at: 0.5, 2.0)
let fn = #differentiable(relu)
