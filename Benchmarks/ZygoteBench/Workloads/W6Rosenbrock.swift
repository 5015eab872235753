// W6, Rosenbrock over a [Double] of 1,000:
//   sum over i in 0..<count - 1 of 100 * (xs[i + 1] - xs[i] * xs[i])^2 + (1 - xs[i])^2, gradient in xs.

enum W6 {
  final class State {
    let xs: [Double]
    /// The hand-written gradient's output, allocated once.
    var gradient: [Double]
    init(xs: [Double]) {
      self.xs = xs
      gradient = [Double](repeating: 0, count: xs.count)
    }
  }

  static let count = 1_000

  static func forward(_ xs: [Double]) -> Double {
    var s = 0.0
    for i in 0..<(xs.count - 1) {
      let a = xs[i + 1] - xs[i] * xs[i]
      let b = 1 - xs[i]
      s += 100 * a * a + b * b
    }
    return s
  }

  /// Reverse mode by hand into a preallocated gradient.
  static func handWritten(_ xs: [Double], into gradient: inout [Double]) {
    for i in gradient.indices { gradient[i] = 0 }
    for i in 0..<(xs.count - 1) {
      let a = xs[i + 1] - xs[i] * xs[i]
      let b = 1 - xs[i]
      let da = 200 * a
      gradient[i] += -2 * xs[i] * da - 2 * b
      gradient[i + 1] += da
    }
  }

  static func make() -> Workload {
    var random = SeededGenerator(seed: 6)
    let state = State(xs: random.array(count, in: opaque(-1.5)...1.5))
    return Workload(
      name: "W6", title: "Rosenbrock, 1,000",
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
      ours: Ours.w6(state),
      swiftAD: SwiftAD.w6(state),
      swiftADNote: SwiftAD.arrayNote)
  }
}
