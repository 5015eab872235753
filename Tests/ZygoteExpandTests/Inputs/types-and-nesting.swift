// Macro uses inside types, extensions and functions, with doc comments, modifiers and a module
// qualifier: each gets the headers of the declarations around it as its lexical context.
import Zygote

/// A point that gradients can flow through.
@DifferentiableStruct
public struct Point {
  public var x: Double
  public var y: Double
  @NoDerivative var label: String = ""

  /// The squared distance from the origin, scaled.
  @Differentiable
  public func scaledNormSquared(_ scale: Double) -> Double {
    scale * (x * x + y * y)
  }

  @Differentiable static func dot(_ a: Double, _ b: Double) -> Double { a * b }
}

extension Point {
  @Zygote.Differentiable
  static func scaled(_ s: Double, _ t: Double) -> Double {
    // A comment mentioning @Differentiable and #gradient(f, at: 1) is not a use.
    let label = "#gradient(f, at: 1) in a string is not a use either"
    return s * t + Double(label.count) * 0
  }
}

@Differentiable
func outer(_ x: Double) -> Double {
  @Differentiable
  func inner(_ y: Double) -> Double { y * y * y }

  return inner(x) + x
}

func report(_ x: Double) {
  print("slope at \(x): \(#gradient({ z in z * outer(z) }, at: x))")
}

enum Losses {
  @Differentiable
  static func squared(_ prediction: Double, _ target: Double) -> Double {
    let difference = prediction - target
    return difference * difference
  }
}
