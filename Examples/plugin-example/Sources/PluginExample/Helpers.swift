import Foundation
import Zygote

// Deliberately unannotated: ZygotePlugin finds these from `loss` and writes their pullbacks into
// the generated file (see the README, "The build plugin").

/// A one-input neuron.
func predict(_ w: Double, _ b: Double, _ x: Double) -> Double {
  activation(w * x + b)
}

/// Reached through `predict` only: reachability is transitive.
func activation(_ z: Double) -> Double {
  if z > 0 {
    return z + 0.1 * sin(z)
  }
  return 0.05 * z
}

/// A static method, called as `Penalty.of(w)`: its pullback is generated in an extension.
enum Penalty {
  static func of(_ w: Double) -> Double { 0.01 * w * w }
}

/// Called from a `#gradient` closure in the executable target. The plugin works per target, so a
/// function that another target differentiates is annotated: a project that uses the plugin may
/// still annotate functions. Its helper `blend` is not annotated.
@Differentiable
public func smoothStep(_ x: Double) -> Double {
  blend(tanh(x))
}

func blend(_ t: Double) -> Double { t * t * (3 - 2 * t) }
