// W1, scalar straight-line code:
//   f(x, y) = sin(x) * y + exp(x * y) / (1 + x * x) + log(1 + y * y), gradient in (x, y).

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum W1 {
  /// The inputs, read anew on every call (a class, so the optimizer cannot fold them in).
  final class State {
    let x: Double
    let y: Double
    init(x: Double, y: Double) {
      self.x = x
      self.y = y
    }
  }

  static func forward(_ x: Double, _ y: Double) -> Double {
    sin(x) * y + exp(x * y) / (1 + x * x) + log(1 + y * y)
  }

  /// Reverse mode by hand: the forward values the backward pass needs (the value itself, and so
  /// `log(1 + y * y)`, is not), then the adjoints with seed 1; one reciprocal instead of three
  /// divisions by `1 + x * x`.
  static func handWritten(_ x: Double, _ y: Double) -> (dx: Double, dy: Double) {
    let inverse = 1 / (1 + x * x)
    let q = exp(x * y) * inverse  // the middle term, exp(x * y) / (1 + x * x)
    let dx = cos(x) * y + q * y - 2 * x * q * inverse
    let dy = sin(x) + q * x + 2 * y / (1 + y * y)
    return (dx, dy)
  }

  static func make() -> Workload {
    let state = State(x: opaque(0.7), y: opaque(1.3))
    return Workload(
      name: "W1", title: "scalar straight-line",
      forward: { forward(state.x, state.y) },
      handWritten: Gradient(
        value: {
          let g = handWritten(state.x, state.y)
          return [g.dx, g.dy]
        },
        call: {
          let g = handWritten(state.x, state.y)
          return g.dx + g.dy
        }),
      ours: Ours.w1(state),
      swiftAD: SwiftAD.w1(state))
  }
}
