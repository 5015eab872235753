// Functions differentiated to second order by the higher-order tests, written as users write
// them: generic over the scalar, so that they also run on Dual numbers.

import Zygote
import ZygoteMath

/// The extended Rosenbrock function, Σ (1 - xᵢ)² + 100 (xᵢ₊₁ - xᵢ²)².
@Differentiable
func rosenbrock<T: ElementaryFloatingPoint>(_ x: [T]) -> T {
  var s: T = 0
  for i in 0..<(x.count - 1) {
    let a = 1 - x[i]
    let b = x[i + 1] - x[i] * x[i]
    s += a * a + 100 * b * b
  }
  return s
}

/// The closed-form Hessian of `rosenbrock`.
func rosenbrockHessian(_ x: [Double]) -> [[Double]] {
  let n = x.count
  var h = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
  for i in 0..<(n - 1) {
    // (1 - xᵢ)²: 2 on the diagonal.
    h[i][i] += 2
    // 100 (xᵢ₊₁ - xᵢ²)²
    h[i][i] += 1200 * x[i] * x[i] - 400 * x[i + 1]
    h[i][i + 1] += -400 * x[i]
    h[i + 1][i] += -400 * x[i]
    h[i + 1][i + 1] += 200
  }
  return h
}

/// Softmax cross-entropy of logits `z` against class `label`: log Σ exp(zⱼ) - z_label.
@Differentiable
func softmaxCrossEntropy<T: ElementaryFloatingPoint>(_ z: [T], _ label: Int) -> T {
  var total: T = 0
  for j in 0..<z.count {
    total += exp(z[j])
  }
  return log(total) - z[label]
}

/// A function with loops, branches, `while` and elementary functions.
@Differentiable
func loopsAndBranches<T: ElementaryFloatingPoint>(_ x: [T]) -> T {
  var s: T = 0.5
  for i in 0..<x.count {
    if x[i] > 0 {
      s += x[i] * x[i] * sin(s + 1)
    } else {
      s = s * exp(x[i]) - x[i]
    }
  }
  var k = 0
  while k < 3 {
    s = s * (1 + x[0] * x[1]) + tanh(s)
    k += 1
  }
  return s
}

/// A scalar function with a closed-form second derivative: x sin x, f'' = 2 cos x - x sin x.
@Differentiable
func xSinX<T: ElementaryFloatingPoint>(_ x: T) -> T { x * sin(x) }

/// Arithmetic only, generic over BinaryFloatingPoint: Hessians work without ElementaryFloatingPoint.
@Differentiable
func cubicProduct<T: BinaryFloatingPoint>(_ x: [T]) -> T { x[0] * x[0] * x[1] + x[1] * x[1] * x[1] / 3 }

/// Polar to Cartesian coordinates: two inputs, two outputs.
@Differentiable
func polarToCartesian<T: ElementaryFloatingPoint>(_ p: [T]) -> [T] { [p[0] * cos(p[1]), p[0] * sin(p[1])] }

/// One input spread over four outputs: forward mode's case (fewer inputs than outputs).
@Differentiable
func spiral<T: ElementaryFloatingPoint>(_ t: [T]) -> [T] { [cos(t[0]), sin(t[0]), t[0] * t[0], exp(t[0])] }

/// A concrete Double function of an array to an array: Jacobian by reverse mode only.
@Differentiable
func concreteMap(_ x: [Double]) -> [Double] { [x[0] * x[1], x[1] + x[2], sin(x[0])] }

/// The central-difference Jacobian of `f` at `x` (rows = outputs).
func finiteDifferenceJacobian(_ f: ([Double]) -> [Double], at x: [Double], step: Double = 1e-6) -> [[Double]] {
  let m = f(x).count
  var rows = [[Double]](repeating: [Double](repeating: 0, count: x.count), count: m)
  for k in x.indices {
    var up = x
    var down = x
    up[k] += step
    down[k] -= step
    let fu = f(up)
    let fd = f(down)
    for i in 0..<m { rows[i][k] = (fu[i] - fd[i]) / (2 * step) }
  }
  return rows
}

/// A body that takes a nested derivative: x · d/dy (x·y) = x². Its rule is forward mode. (The
/// point is written `T(1)`: the compiler types a literal point of its own expansion as `Int`.)
@Differentiable
func squareByNestedDerivative<T: ElementaryFloatingPoint>(_ x: T) -> T {
  x * #derivative({ y in x * y }, at: T(1))
}

/// Two arguments and a nested gradient: x · d/dz (y z²) at z = 3 = 6xy.
@Differentiable
func productByNestedDerivative<T: ElementaryFloatingPoint>(_ x: T, _ y: T) -> T {
  x * #derivative({ z in y * z * z }, at: T(3))
}

/// An array argument: ‖∇ Rosenbrock(a)‖² / 2, whose gradient is H·∇f.
@Differentiable
func gradientNormSquared<T: ElementaryFloatingPoint>(_ a: [T]) -> T {
  let g = #gradient(rosenbrock, at: a)
  var s: T = 0
  for i in 0..<g.count { s += g[i] * g[i] / 2 }
  return s
}

/// A function of two scalars: f = x² y + sin(x y); Hessian [[2y - y² sin(xy), 2x + cos(xy) - xy sin(xy)], [·, -x² sin(xy)]].
@Differentiable
func twoScalars<T: ElementaryFloatingPoint>(_ x: T, _ y: T) -> T { x * x * y + sin(x * y) }
