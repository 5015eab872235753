// W4, array reduction over a [Double] of 10,000:
//   sum over i in 0..<count - 1 of xs[i] * xs[i + 1] + sin(xs[i]), gradient in xs.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum W4 {
  final class State {
    let xs: [Double]
    /// The hand-written gradient's output, allocated once.
    var gradient: [Double]
    init(xs: [Double]) {
      self.xs = xs
      gradient = [Double](repeating: 0, count: xs.count)
    }
  }

  static let count = 10_000

  static func forward(_ xs: [Double]) -> Double {
    var s = 0.0
    for i in 0..<(xs.count - 1) {
      s += xs[i] * xs[i + 1] + sin(xs[i])
    }
    return s
  }

  /// Reverse mode by hand into a preallocated gradient: every term is linear in the sum, so the
  /// backward pass is one loop and needs nothing saved.
  static func handWritten(_ xs: [Double], into gradient: inout [Double]) {
    for i in gradient.indices { gradient[i] = 0 }
    for i in 0..<(xs.count - 1) {
      gradient[i] += xs[i + 1] + cos(xs[i])
      gradient[i + 1] += xs[i]
    }
  }

  static func make() -> Workload {
    var random = SeededGenerator(seed: 4)
    let state = State(xs: random.array(count, in: opaque(-1.0)...1))
    return Workload(
      name: "W4", title: "array reduction, 10,000",
      forward: { forward(state.xs) },
      handWritten: Gradient(
        value: {
          handWritten(state.xs, into: &state.gradient)
          return state.gradient
        },
        call: {
          handWritten(state.xs, into: &state.gradient)
          return state.gradient[0]
        }),
      ours: Ours.w4(state),
      swiftAD: SwiftAD.w4(state),
      swiftADNote: SwiftAD.arrayNote)
  }
}
