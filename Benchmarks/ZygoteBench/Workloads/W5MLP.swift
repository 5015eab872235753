// W5, a small MLP on one sample: input 64, hidden 32 (tanh), output 10, softmax cross-entropy.
// Weights are row-major [Double] (w1 is 32 x 64, w2 is 10 x 32) used with explicit loops; the
// gradient is in all weights and biases, flattened as w1, b1, w2, b2 (2,410 components).

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum W5 {
  static let inputs = 64
  static let hidden = 32
  static let outputs = 10

  final class State {
    let w1: [Double]
    let b1: [Double]
    let w2: [Double]
    let b2: [Double]
    let x: [Double]
    let label: Int
    /// The hand-written gradient's outputs and scratch, allocated once.
    var workspace: Workspace

    init(w1: [Double], b1: [Double], w2: [Double], b2: [Double], x: [Double], label: Int) {
      self.w1 = w1
      self.b1 = b1
      self.w2 = w2
      self.b2 = b2
      self.x = x
      self.label = label
      workspace = Workspace()
    }

    /// The hand-written gradient, flattened.
    var flatGradient: [Double] { workspace.gw1 + workspace.gb1 + workspace.gw2 + workspace.gb2 }
  }

  /// Preallocated buffers for the hand-written gradient.
  struct Workspace {
    var h = [Double](repeating: 0, count: W5.hidden)
    var z = [Double](repeating: 0, count: W5.outputs)
    var dh = [Double](repeating: 0, count: W5.hidden)
    var gw1 = [Double](repeating: 0, count: W5.hidden * W5.inputs)
    var gb1 = [Double](repeating: 0, count: W5.hidden)
    var gw2 = [Double](repeating: 0, count: W5.outputs * W5.hidden)
    var gb2 = [Double](repeating: 0, count: W5.outputs)
  }

  /// The loss, as a person writes it with plain arrays.
  static func forward(
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
    for i in 1..<10 where z[i] > m { m = z[i] }
    var s = 0.0
    for i in 0..<10 { s += exp(z[i] - m) }
    return log(s) + m - z[label]
  }

  /// Reverse mode by hand into the preallocated workspace. The shift `m` cancels out of the
  /// loss, so it gets no adjoint.
  static func handWritten(
    _ w1: [Double], _ b1: [Double], _ w2: [Double], _ b2: [Double], _ x: [Double], _ label: Int,
    into g: inout Workspace
  ) {
    for j in 0..<32 {
      var a = b1[j]
      for k in 0..<64 { a += w1[j * 64 + k] * x[k] }
      g.h[j] = tanh(a)
    }
    for i in 0..<10 {
      var a = b2[i]
      for j in 0..<32 { a += w2[i * 32 + j] * g.h[j] }
      g.z[i] = a
    }
    var m = g.z[0]
    for i in 1..<10 where g.z[i] > m { m = g.z[i] }
    var s = 0.0
    for i in 0..<10 {
      let e = exp(g.z[i] - m)
      g.z[i] = e  // z is not needed any more: keep exp(z - m) in its place
      s += e
    }
    // Backward. dz = softmax(z) - onehot(label).
    for j in 0..<32 { g.dh[j] = 0 }
    for i in 0..<10 {
      let dz = g.z[i] / s - (i == label ? 1 : 0)
      g.gb2[i] = dz
      for j in 0..<32 {
        g.gw2[i * 32 + j] = dz * g.h[j]
        g.dh[j] += dz * w2[i * 32 + j]
      }
    }
    for j in 0..<32 {
      let da = g.dh[j] * (1 - g.h[j] * g.h[j])
      g.gb1[j] = da
      for k in 0..<64 { g.gw1[j * 64 + k] = da * x[k] }
    }
  }

  static func make() -> Workload {
    var random = SeededGenerator(seed: 5)
    let scale1 = 1 / Double(inputs).squareRoot()
    let scale2 = 1 / Double(hidden).squareRoot()
    let state = State(
      w1: random.array(hidden * inputs, in: -scale1...scale1),
      b1: random.array(hidden, in: -0.1...0.1),
      w2: random.array(outputs * hidden, in: -scale2...scale2),
      b2: random.array(outputs, in: -0.1...0.1),
      x: random.array(inputs, in: opaque(-1.0)...1),
      label: opaque(3))
    return Workload(
      name: "W5", title: "MLP 64-32-10, one sample",
      forward: { forward(state.w1, state.b1, state.w2, state.b2, state.x, state.label) },
      handWritten: Gradient(
        value: {
          handWritten(state.w1, state.b1, state.w2, state.b2, state.x, state.label, into: &state.workspace)
          return state.flatGradient
        },
        call: {
          handWritten(state.w1, state.b1, state.w2, state.b2, state.x, state.label, into: &state.workspace)
          return state.workspace.gb2[0]
        }),
      ours: Ours.w5(state),
      swiftAD: SwiftAD.w5(state),
      swiftADNote: SwiftAD.arrayNote)
  }
}
