// W2, a loop with branches:
//   var s = x; for i in 0..<1000 { if i % 3 == 0 { s = sin(s) * 1.0001 + 0.1 * x }
//                                  else { s = s * 0.999 + cos(x) * 0.001 } }; return s
// gradient in x.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum W2 {
  final class State {
    let x: Double
    init(x: Double) { self.x = x }
  }

  static let iterations = 1000
  /// Iterations that take the `sin` branch: i = 0, 3, ..., 999.
  static let sinSteps = (iterations + 2) / 3

  static func forward(_ x: Double) -> Double {
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

  /// Reverse mode by hand. The forward loop saves cos(s) of each `sin` step in a stack buffer
  /// (no heap allocation); `cos(x)` and `-sin(x)` are hoisted out of the loops, as a person would.
  static func handWritten(_ x: Double) -> Double {
    withUnsafeTemporaryAllocation(of: Double.self, capacity: sinSteps) { saved in
      let cosX = cos(x)
      var s = x
      var top = 0
      for i in 0..<1000 {
        if i % 3 == 0 {
          saved[top] = cos(s)
          top += 1
          s = sin(s) * 1.0001 + 0.1 * x
        } else {
          s = s * 0.999 + cosX * 0.001
        }
      }
      // Backward: ds is the adjoint of s, dx accumulates the gradient of x.
      let dCosX = -sin(x)
      var ds = 1.0
      var dx = 0.0
      var i = 999
      while i >= 0 {
        if i % 3 == 0 {
          top -= 1
          dx += 0.1 * ds
          ds *= 1.0001 * saved[top]
        } else {
          dx += ds * 0.001 * dCosX
          ds *= 0.999
        }
        i -= 1
      }
      return dx + ds  // s started as x
    }
  }

  static func make() -> Workload {
    let state = State(x: opaque(0.5))
    return Workload(
      name: "W2", title: "loop with branches",
      forward: { forward(state.x) },
      handWritten: Gradient(value: { [handWritten(state.x)] }, call: { handWritten(state.x) }),
      ours: Ours.w2(state),
      swiftAD: SwiftAD.w2(state))
  }
}
