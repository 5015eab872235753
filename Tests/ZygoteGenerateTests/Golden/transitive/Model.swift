import Foundation
import Zygote

/// Annotated: the macro generates its rule; the plugin follows its calls.
@Differentiable
func loss(_ x: Double, _ y: Double) -> Double {
  let h = helper(x, y)
  return h * h + square(y)
}
