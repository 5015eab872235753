// Gradient descent with momentum (Polyak's heavy ball, as Flux's `Momentum` writes it).

/// Gradient descent with momentum: each parameter keeps a velocity `v` (zero at the first step)
/// that accumulates past steps, decaying by the momentum ρ per step.
///
/// ```
/// v ← ρ·v − η·g
/// θ ← θ + v
/// ```
///
/// With ρ = 0 this is ``SGD``. The velocity is kept per key (see ``Optimizer``).
///
/// ```swift
/// var opt = Momentum(learningRate: 0.01, momentum: 0.9)
/// let g = #gradient({ m in loss(m, x, y) }, at: model)
/// opt.update(&model, along: g)
/// ```
public struct Momentum: Optimizer {
  /// The step size η.
  public var learningRate: Double
  /// The decay ρ of the velocity per step, in `0..<1`.
  public var momentum: Double
  /// The velocity of each parameter, by key.
  var velocities: [AnyHashable: AnyTensor] = [:]

  /// Momentum with step size `learningRate` (η, default 0.01) and decay `momentum` (ρ,
  /// default 0.9).
  public init(learningRate: Double = 0.01, momentum: Double = 0.9) {
    self.learningRate = learningRate
    self.momentum = momentum
  }

  /// The velocity kept under `key`, or `nil` before the first update of that key.
  public func velocity<Scalar: TensorScalar>(
    forKey key: some Hashable, as type: Scalar.Type = Scalar.self
  ) -> Tensor<Scalar>? {
    velocities[AnyHashable(key)]?.tensor(of: Scalar.self)
  }

  /// `v ← ρ·v − η·gradient`, then `value ← value + v`, in place, with `v` the velocity kept
  /// under `key`.
  /// - Precondition: `gradient.shape == value.shape`, and a velocity already kept under `key`
  ///   has this shape and scalar type.
  public mutating func update<Scalar: TensorScalar>(
    _ value: inout Tensor<Scalar>, along gradient: Tensor<Scalar>, key: some Hashable
  ) {
    let key = AnyHashable(key)
    var velocity: Tensor<Scalar> = _takeState("Momentum", from: &velocities, key: key, shape: value.shape)
    _checkShapes("Momentum", value: value, gradient: gradient, state: velocity)
    let eta = Scalar(learningRate)
    let rho = Scalar(momentum)
    gradient.withUnsafeBufferPointer { g in
      velocity.withUnsafeMutableBufferPointer { v in
        value.withUnsafeMutableBufferPointer { theta in Momentum.step(theta, v, g, eta: eta, rho: rho) }
      }
    }
    velocities[key] = AnyTensor(velocity)
  }

  /// `v ← ρ·v − η·g`, `θ ← θ + v`, componentwise. Specialised for both scalar types, so that a
  /// caller that does not know the optimiser's type statically still runs a concrete loop.
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  static func step<Scalar: TensorScalar>(
    _ theta: UnsafeMutableBufferPointer<Scalar>, _ v: UnsafeMutableBufferPointer<Scalar>,
    _ g: UnsafeBufferPointer<Scalar>, eta: Scalar, rho: Scalar
  ) {
    for i in 0..<theta.count {
      v[i] = rho * v[i] - eta * g[i]
      theta[i] += v[i]
    }
  }
}
