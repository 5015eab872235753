// Our generated gradients: the workloads written as a user writes them, with `@Differentiable`
// and `#gradient`.

import Zygote

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Differentiable
func oursW1(_ x: Double, _ y: Double) -> Double {
  sin(x) * y + exp(x * y) / (1 + x * x) + log(1 + y * y)
}

@Differentiable
func oursW2(_ x: Double) -> Double {
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

@Differentiable
func oursP(_ x: Double, _ n: Int) -> Double {
  n == 0 ? 1 : x * oursP(x, n - 1)
}

@Differentiable
func oursQ(_ x: Double, _ n: Int) -> Double {
  n == 0 ? x : sin(oursQ(x, n - 1)) + x
}

@Differentiable
func oursW4(_ xs: [Double]) -> Double {
  var s = 0.0
  for i in 0..<(xs.count - 1) {
    s += xs[i] * xs[i + 1] + sin(xs[i])
  }
  return s
}

@Differentiable
func oursW5(
  _ w1: [Double], _ b1: [Double], _ w2: [Double], _ b2: [Double], _ x: [Double], _ label: Int
) -> Double {
  var h = [Double](repeating: 0, count: 32)
  for j in 0..<32 {
    var a = b1[j]
    for k in 0..<64 { a += w1[j * 64 + k] * x[k] }
    h[j] = tanh(a)
  }
  var z = [Double](repeating: 0, count: 10)
  for i in 0..<10 {
    var a = b2[i]
    for j in 0..<32 { a += w2[i * 32 + j] * h[j] }
    z[i] = a
  }
  var m = z[0]
  for i in 1..<10 {
    if z[i] > m { m = z[i] }
  }
  var s = 0.0
  for i in 0..<10 { s += exp(z[i] - m) }
  return log(s) + m - z[label]
}

@Differentiable
func oursW6(_ xs: [Double]) -> Double {
  var s = 0.0
  for i in 0..<(xs.count - 1) {
    let a = xs[i + 1] - xs[i] * xs[i]
    let b = 1 - xs[i]
    s += 100 * a * a + b * b
  }
  return s
}

/// Our generated gradients of the workloads.
enum Ours {
  static func w1(_ state: W1.State) -> Gradient? {
    Gradient(
      value: {
        let (dx, dy) = #gradient(oursW1, at: state.x, state.y)
        return [dx, dy]
      },
      call: {
        let (dx, dy) = #gradient(oursW1, at: state.x, state.y)
        return dx + dy
      })
  }

  static func w2(_ state: W2.State) -> Gradient? {
    Gradient(
      value: { [#gradient(oursW2, at: state.x)] },
      call: { #gradient(oursW2, at: state.x) })
  }

  static func w3p(_ state: W3.State) -> Gradient? {
    let n = state.n
    return Gradient(
      value: { [#gradient({ x in oursP(x, n) }, at: state.x)] },
      call: { #gradient({ x in oursP(x, n) }, at: state.x) })
  }

  static func w3q(_ state: W3.State) -> Gradient? {
    let n = state.n
    return Gradient(
      value: { [#gradient({ x in oursQ(x, n) }, at: state.x)] },
      call: { #gradient({ x in oursQ(x, n) }, at: state.x) })
  }

  static func w4(_ state: W4.State) -> Gradient? {
    Gradient(
      value: { #gradient(oursW4, at: state.xs) },
      call: { #gradient(oursW4, at: state.xs)[0] })
  }

  static func w5(_ state: W5.State) -> Gradient? {
    let x = state.x
    let label = state.label
    return Gradient(
      value: {
        let (gw1, gb1, gw2, gb2) = #gradient(
          { (w1: [Double], b1: [Double], w2: [Double], b2: [Double]) in oursW5(w1, b1, w2, b2, x, label) },
          at: state.w1, state.b1, state.w2, state.b2)
        return gw1 + gb1 + gw2 + gb2
      },
      call: {
        let (_, _, _, gb2) = #gradient(
          { (w1: [Double], b1: [Double], w2: [Double], b2: [Double]) in oursW5(w1, b1, w2, b2, x, label) },
          at: state.w1, state.b1, state.w2, state.b2)
        return gb2[0]
      })
  }

  static func w6(_ state: W6.State) -> Gradient? {
    Gradient(
      value: { #gradient(oursW6, at: state.xs) },
      call: { #gradient(oursW6, at: state.xs)[0] })
  }
}


/// W5t's model: W5's MLP as a struct of tensors.
@DifferentiableStruct
struct TensorMLP {
  /// `[64, 32]`
  var w1: Tensor<Double>
  /// `[32]`
  var b1: Tensor<Double>
  /// `[32, 10]`
  var w2: Tensor<Double>
  /// `[10]`
  var b2: Tensor<Double>
}

/// W5t's loss: the mean softmax cross-entropy of the MLP on a batch `x` (`[batch, 64]`) against
/// one-hot `labels` (`[batch, 10]`).
@Differentiable
func loss(_ m: TensorMLP, _ x: Tensor<Double>, _ labels: Tensor<Double>) -> Double {
  let h = tanh(matmul(x, m.w1) + m.b1)
  return crossEntropy(logits: matmul(h, m.w2) + m.b2, labels: labels)
}

extension Ours {
  static func w5t(_ state: W5t.State) -> Gradient? {
    let x = state.x
    let labels = state.labels
    return Gradient(
      value: {
        let g = #gradient({ m in loss(m, x, labels) }, at: state.model)
        return g.w1.scalars + g.b1.scalars + g.w2.scalars + g.b2.scalars
      },
      call: {
        let g = #gradient({ m in loss(m, x, labels) }, at: state.model)
        return g.b2.withUnsafeBufferPointer { $0[0] }
      })
  }
}
