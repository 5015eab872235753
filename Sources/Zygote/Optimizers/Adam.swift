// Adam (Kingma & Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015, Algorithm 1).

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#elseif canImport(ucrt)
  import ucrt
#endif

/// Adam: each parameter keeps running averages of its gradient (`m`) and of its squared gradient
/// (`v`), both zero at the start, and a step count `t`; the step is the bias-corrected average
/// gradient divided by the root of the bias-corrected average square.
///
/// ```
/// t ← t + 1
/// m ← β₁·m + (1 − β₁)·g
/// v ← β₂·v + (1 − β₂)·g²
/// m̂ = m / (1 − β₁ᵗ)
/// v̂ = v / (1 − β₂ᵗ)
/// θ ← θ − η·m̂ / (√v̂ + ε)
/// ```
///
/// The first step therefore moves every component by about η, whatever the gradient's scale.
/// `m`, `v` and `t` are kept per key (see ``Optimizer``): a parameter whose gradient is missing in
/// a step (updating from a `Grads` skips it) does not advance its `t`.
///
/// ```swift
/// var opt = Adam(learningRate: 0.001)
/// let g = #gradient({ m in loss(m, x, y) }, at: model)
/// opt.update(&model, along: g)
/// ```
public struct Adam: Optimizer {
  /// The step size η.
  public var learningRate: Double
  /// The decay β₁ of the running average of the gradient, in `0..<1`.
  public var beta1: Double
  /// The decay β₂ of the running average of the squared gradient, in `0..<1`.
  public var beta2: Double
  /// The ε added to the denominator, so that a zero gradient gives a zero step.
  public var epsilon: Double

  /// The moments and step count of one parameter.
  struct Moments {
    /// `m`: the running average of the gradient.
    var first: AnyTensor
    /// `v`: the running average of the squared gradient.
    var second: AnyTensor
    /// `t`: the number of updates so far.
    var step: Int
  }

  /// The moments of each parameter, by key.
  var state: [AnyHashable: Moments] = [:]

  /// Adam with step size `learningRate` (η, default 0.001), decays `beta1` (β₁, default 0.9)
  /// and `beta2` (β₂, default 0.999), and `epsilon` (ε, default 1e-8): the paper's defaults.
  public init(learningRate: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8) {
    self.learningRate = learningRate
    self.beta1 = beta1
    self.beta2 = beta2
    self.epsilon = epsilon
  }

  /// The number of updates made under `key` so far (`t`).
  public func stepCount(forKey key: some Hashable) -> Int {
    state[AnyHashable(key)]?.step ?? 0
  }

  /// The running averages `m` and `v` kept under `key`, or `nil` before the first update of
  /// that key.
  public func moments<Scalar: TensorScalar>(
    forKey key: some Hashable, as type: Scalar.Type = Scalar.self
  ) -> (first: Tensor<Scalar>, second: Tensor<Scalar>)? {
    guard let stored = state[AnyHashable(key)],
      let first = stored.first.tensor(of: Scalar.self), let second = stored.second.tensor(of: Scalar.self)
    else { return nil }
    return (first, second)
  }

  /// One Adam step of `value` against `gradient`, with the moments kept under `key` (see the
  /// type's formulas), in place.
  /// - Precondition: `gradient.shape == value.shape`, and moments already kept under `key` have
  ///   this shape and scalar type.
  public mutating func update<Scalar: TensorScalar>(
    _ value: inout Tensor<Scalar>, along gradient: Tensor<Scalar>, key: some Hashable
  ) {
    let key = AnyHashable(key)
    var m: Tensor<Scalar>
    var v: Tensor<Scalar>
    var step: Int
    if let stored = state.removeValue(forKey: key) {
      guard let first = stored.first.tensor(of: Scalar.self), let second = stored.second.tensor(of: Scalar.self)
      else { preconditionFailure("Adam: the state kept under this key holds another scalar type; use one key per parameter") }
      (m, v, step) = (first, second, stored.step)
    } else {
      (m, v, step) = (Tensor.zeros(shape: value.shape), Tensor.zeros(shape: value.shape), 0)
    }
    _checkShapes("Adam", value: value, gradient: gradient, state: m)
    step += 1
    // Bias corrections in Double, then the per-component step in the tensor's scalar type.
    let hyper = Hyperparameters(
      eta: Scalar(learningRate), beta1: Scalar(beta1), beta2: Scalar(beta2), epsilon: Scalar(epsilon),
      correction1: Scalar(1 / (1 - pow(beta1, Double(step)))),
      correction2: Scalar(1 / (1 - pow(beta2, Double(step)))))
    gradient.withUnsafeBufferPointer { g in
      m.withUnsafeMutableBufferPointer { m in
        v.withUnsafeMutableBufferPointer { v in
          value.withUnsafeMutableBufferPointer { theta in Adam.step(theta, m, v, g, hyper) }
        }
      }
    }
    state[key] = Moments(first: AnyTensor(m), second: AnyTensor(v), step: step)
  }

  /// The constants of one step, in the tensor's scalar type: η, β₁, β₂, ε, `1/(1 − β₁ᵗ)` and
  /// `1/(1 − β₂ᵗ)`.
  struct Hyperparameters<Scalar: TensorScalar> {
    var eta, beta1, beta2, epsilon, correction1, correction2: Scalar
  }

  /// One Adam step, componentwise (see the type's formulas). Specialised for both scalar types,
  /// so that a caller that does not know the optimiser's type statically still runs a concrete
  /// loop.
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  static func step<Scalar: TensorScalar>(
    _ theta: UnsafeMutableBufferPointer<Scalar>, _ m: UnsafeMutableBufferPointer<Scalar>,
    _ v: UnsafeMutableBufferPointer<Scalar>, _ g: UnsafeBufferPointer<Scalar>, _ h: Hyperparameters<Scalar>
  ) {
    for i in 0..<theta.count {
      m[i] = h.beta1 * m[i] + (1 - h.beta1) * g[i]
      v[i] = h.beta2 * v[i] + (1 - h.beta2) * g[i] * g[i]
      let mHat = m[i] * h.correction1
      let vHat = v[i] * h.correction2
      theta[i] -= h.eta * mHat / (vHat.squareRoot() + h.epsilon)
    }
  }
}
