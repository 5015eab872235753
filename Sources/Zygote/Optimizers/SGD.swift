// Plain gradient descent (Flux's `Descent`).

/// Plain gradient descent: each step moves a parameter against its gradient, scaled by the
/// learning rate η.
///
/// ```
/// θ ← θ − η·g
/// ```
///
/// It keeps no state, so the key of ``update(_:along:key:)`` is ignored.
///
/// ```swift
/// var opt = SGD(learningRate: 0.1)
/// let g = #gradient(Params([W, b])) { meanSquaredError(predicted: matmul(x, W) + b, expected: y) }
/// opt.update(&W, along: g)   // W -= 0.1 * g[W]!, in place
/// ```
public struct SGD: Optimizer, Sendable {
  /// The step size η.
  public var learningRate: Double

  /// Gradient descent with step size `learningRate` (η, default 0.1).
  public init(learningRate: Double = 0.1) {
    self.learningRate = learningRate
  }

  /// `value ← value − η·gradient`, in place.
  /// - Precondition: `gradient.shape == value.shape`.
  public mutating func update<Scalar: TensorScalar>(
    _ value: inout Tensor<Scalar>, along gradient: Tensor<Scalar>, key: some Hashable
  ) {
    _checkShapes("SGD", value: value, gradient: gradient)
    let eta = Scalar(learningRate)
    gradient.withUnsafeBufferPointer { g in
      value.withUnsafeMutableBufferPointer { theta in SGD.step(theta, g, eta: eta) }
    }
  }

  /// `θ ← θ − η·g`, componentwise. Specialised for both scalar types, so that a caller that
  /// does not know the optimiser's type statically (`any Optimizer`) still runs a concrete loop.
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  static func step<Scalar: TensorScalar>(
    _ theta: UnsafeMutableBufferPointer<Scalar>, _ g: UnsafeBufferPointer<Scalar>, eta: Scalar
  ) {
    for i in 0..<theta.count { theta[i] -= eta * g[i] }
  }
}
