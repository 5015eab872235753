// The same workloads through Swift's built-in AD (`import _Differentiation`, `gradient(at:of:)`).
//
// This file does not import Zygote, and every _Differentiation name is qualified: the target
// imports both modules, and both have a `Differentiable`.

import _Differentiation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@differentiable(reverse)
private func adW1(_ x: Double, _ y: Double) -> Double {
  sin(x) * y + exp(x * y) / (1 + x * x) + log(1 + y * y)
}

@differentiable(reverse)
private func adW2(_ x: Double) -> Double {
  var s = x
  for i in 0..<1000 {
    if i % 3 == 0 {
      s = sin(s) * 1.0001 + 0.1 * x
    } else {
      s = s * 0.999 + cos(x) * 0.001
    }
  }
  return s
}

@differentiable(reverse, wrt: x)
private func adP(_ x: Double, _ n: Int) -> Double {
  n == 0 ? 1 : x * adP(x, n - 1)
}

@differentiable(reverse, wrt: x)
private func adQ(_ x: Double, _ n: Int) -> Double {
  n == 0 ? x : sin(adQ(x, n - 1)) + x
}

// `xs.count` is an Int computed from a differentiable value: _Differentiation wants it wrapped.
@differentiable(reverse)
private func adW4(_ xs: [Double]) -> Double {
  var s = 0.0
  for i in 0..<(_Differentiation.withoutDerivative(at: xs.count) - 1) {
    s += xs[i] * xs[i + 1] + sin(xs[i])
  }
  return s
}

/// W5's parameters as one differentiable value (`gradient(at:of:)` takes at most three).
private struct ADMLPParameters: _Differentiation.Differentiable {
  var w1: [Double]
  var b1: [Double]
  var w2: [Double]
  var b2: [Double]
}

// Array element assignment is not differentiable in _Differentiation; `append` is.
@differentiable(reverse, wrt: p)
private func adW5(_ p: ADMLPParameters, _ x: [Double], _ label: Int) -> Double {
  var h: [Double] = []
  for j in 0..<32 {
    var a = p.b1[j]
    for k in 0..<64 { a += p.w1[j * 64 + k] * x[k] }
    h.append(tanh(a))
  }
  var z: [Double] = []
  for i in 0..<10 {
    var a = p.b2[i]
    for j in 0..<32 { a += p.w2[i * 32 + j] * h[j] }
    z.append(a)
  }
  var m = z[0]
  for i in 1..<10 {
    if z[i] > m { m = z[i] }
  }
  var s = 0.0
  for i in 0..<10 { s += exp(z[i] - m) }
  return log(s) + m - z[label]
}

@differentiable(reverse)
private func adW6(_ xs: [Double]) -> Double {
  var s = 0.0
  for i in 0..<(_Differentiation.withoutDerivative(at: xs.count) - 1) {
    let a = xs[i + 1] - xs[i] * xs[i]
    let b = 1 - xs[i]
    s += 100 * a * a + b * b
  }
  return s
}

/// The `_Differentiation` variants of the workloads.
enum SwiftAD {
  /// Said next to every array workload's figure.
  static let arrayNote =
    "_Differentiation's array subscript pullback builds a zero array of the full count for every element read, so its array gradients are quadratic; where one call takes 50 ms or more, a repetition is a single call"

  static func w1(_ state: W1.State) -> Gradient {
    Gradient(
      value: {
        let g = _Differentiation.gradient(at: state.x, state.y, of: adW1)
        return [g.0, g.1]
      },
      call: {
        let g = _Differentiation.gradient(at: state.x, state.y, of: adW1)
        return g.0 + g.1
      })
  }

  static func w2(_ state: W2.State) -> Gradient {
    Gradient(
      value: { [_Differentiation.gradient(at: state.x, of: adW2)] },
      call: { _Differentiation.gradient(at: state.x, of: adW2) })
  }

  static func w3p(_ state: W3.State) -> Gradient {
    let n = state.n
    return Gradient(
      value: { [_Differentiation.gradient(at: state.x) { x in adP(x, n) }] },
      call: { _Differentiation.gradient(at: state.x) { x in adP(x, n) } })
  }

  static func w3q(_ state: W3.State) -> Gradient {
    let n = state.n
    return Gradient(
      value: { [_Differentiation.gradient(at: state.x) { x in adQ(x, n) }] },
      call: { _Differentiation.gradient(at: state.x) { x in adQ(x, n) } })
  }

  static func w4(_ state: W4.State) -> Gradient {
    Gradient(
      value: { _Differentiation.gradient(at: state.xs, of: adW4).base },
      call: { _Differentiation.gradient(at: state.xs, of: adW4).base[0] })
  }

  static func w5(_ state: W5.State) -> Gradient {
    let parameters = ADMLPParameters(w1: state.w1, b1: state.b1, w2: state.w2, b2: state.b2)
    let x = state.x
    let label = state.label
    return Gradient(
      value: {
        let g = _Differentiation.gradient(at: parameters) { p in adW5(p, x, label) }
        return g.w1.base + g.b1.base + g.w2.base + g.b2.base
      },
      call: {
        let g = _Differentiation.gradient(at: parameters) { p in adW5(p, x, label) }
        return g.b2.base[0]
      })
  }

  static func w6(_ state: W6.State) -> Gradient {
    Gradient(
      value: { _Differentiation.gradient(at: state.xs, of: adW6).base },
      call: { _Differentiation.gradient(at: state.xs, of: adW6).base[0] })
  }
}
