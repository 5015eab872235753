// Forward mode and forward over reverse for tensor functions. A function generic over its tensor
// scalar (`func f<S: TensorScalar>(_ x: Tensor<S>) -> ...`) runs on `Tensor<Dual<Double>>`:
// seeding every scalar of the input with the matching scalar of a direction gives the
// Jacobian-vector product in the derivatives (forward mode), and running the function's
// generated pullback on dual tensors gives a Hessian-vector product (forward over reverse).
//
//     #pushforward(f, at: x)                          =>  _pushforward(at: x, { f($0) })
//     #hessian(f, at: x)                              =>  _hessian(at: x, { _vjp(f: $0) })
//     #hessianVectorProduct(f, at: x, direction: v)   =>  _hessianVectorProduct(at: x, direction: v, { _vjp(f: $0) })
//     #jacobian(f, at: x)                             =>  _jacobian(at: x, reverse: ..., forward: { f($0) })

extension Tensor where Scalar: ElementaryFloatingPoint {
  /// `self + directionε`, scalar by scalar: the dual tensor that forward mode evaluates.
  ///
  /// - Precondition: `direction` has this tensor's shape.
  @inlinable
  public func _seeded(along direction: Tensor) -> Tensor<Dual<Scalar>> {
    precondition(
      direction.shape == shape,
      "a tangent of shape \(direction.shape) for a point of shape \(shape)")
    let values = scalars
    let derivatives = direction.scalars
    return Tensor<Dual<Scalar>>(shape: shape) { out in
      for i in values.indices {
        (out.baseAddress! + i).initialize(to: Dual(values[i], derivative: derivatives[i]))
      }
    }
  }

  /// The tensor as constants: every derivative is zero.
  @inlinable
  public func _constantDuals() -> Tensor<Dual<Scalar>> {
    Tensor<Dual<Scalar>>(self)
  }
}

extension Tensor {
  /// The values of a dual tensor.
  @inlinable
  public func _values<T>() -> Tensor<T> where Scalar == Dual<T> {
    Tensor<T>(shape: shape, scalars: scalars.map(\.value))
  }

  /// The derivatives of a dual tensor.
  @inlinable
  public func _derivatives<T>() -> Tensor<T> where Scalar == Dual<T> {
    Tensor<T>(shape: shape, scalars: scalars.map(\.derivative))
  }
}

// MARK: - Pushforward

/// The value of a tensor function at `x` and its differential there, by forward mode:
/// `differential(v)` is the Jacobian-vector product `J·v`, a tensor of the output's shape.
@inlinable
public func _pushforward<T: TensorScalar & ElementaryFloatingPoint>(
  at x: Tensor<T>, _ f: @escaping (Tensor<Dual<T>>) -> Tensor<Dual<T>>
) -> (value: Tensor<T>, differential: (Tensor<T>) -> Tensor<T>) {
  (f(x._constantDuals())._values(), { v in f(x._seeded(along: v))._derivatives() })
}

/// The value of a scalar function of a tensor at `x` and its differential there, by forward
/// mode: `differential(v)` is the directional derivative `∇f(x)·v`.
@inlinable
public func _pushforward<T: TensorScalar & ElementaryFloatingPoint>(
  at x: Tensor<T>, _ f: @escaping (Tensor<Dual<T>>) -> Dual<T>
) -> (value: T, differential: (Tensor<T>) -> T) {
  (f(x._constantDuals()).value, { v in f(x._seeded(along: v)).derivative })
}

/// The value of a tensor function of a scalar at `x` and its differential there, by forward
/// mode: `differential(v)` is `f'(x)·v`, a tensor of the output's shape.
@inlinable
public func _pushforward<T: TensorScalar & ElementaryFloatingPoint>(
  at x: T, _ f: @escaping (Dual<T>) -> Tensor<Dual<T>>
) -> (value: Tensor<T>, differential: (T) -> Tensor<T>) {
  (f(Dual(constant: x))._values(), { v in f(Dual(x, derivative: v))._derivatives() })
}

// MARK: - Hessians

/// `H·v` for a scalar function of a tensor: the function's pullback run once on dual tensors,
/// with the input seeded along `v`. The result has the shape of `x`.
@inlinable
public func _hessianVectorProduct<T: TensorScalar & ElementaryFloatingPoint>(
  at x: Tensor<T>, direction v: Tensor<T>,
  _ rule: (Tensor<Dual<T>>) -> (value: Dual<T>, pullback: (Dual<T>) -> Tensor<Dual<T>>)
) -> Tensor<T> {
  let gradient = rule(x._seeded(along: v)).pullback(Dual(1, derivative: 0))
  return _derivativesOfGradient(gradient, like: x)
}

/// `H·v` for a function of a tensor that returns a rank-0 tensor (a loss written with tensor
/// operations only).
@inlinable
public func _hessianVectorProduct<T: TensorScalar & ElementaryFloatingPoint>(
  at x: Tensor<T>, direction v: Tensor<T>,
  _ rule: (Tensor<Dual<T>>) -> (value: Tensor<Dual<T>>, pullback: (Tensor<Dual<T>>) -> Tensor<Dual<T>>)
) -> Tensor<T> {
  let (value, pullback) = rule(x._seeded(along: v))
  precondition(value.rank == 0, "#hessianVectorProduct needs a scalar result, got a tensor of shape \(value.shape)")
  return _derivativesOfGradient(pullback(Tensor(Dual(1, derivative: 0))), like: x)
}

/// The Hessian of a scalar function of a tensor at `x`: a tensor of shape `x.shape + x.shape`
/// whose entry `[i…, j…]` is `∂²f/∂xᵢ∂xⱼ`. One Hessian-vector product per scalar of `x`.
@inlinable
public func _hessian<T: TensorScalar & ElementaryFloatingPoint>(
  at x: Tensor<T>,
  _ rule: (Tensor<Dual<T>>) -> (value: Dual<T>, pullback: (Dual<T>) -> Tensor<Dual<T>>)
) -> Tensor<T> {
  _hessianByColumns(of: x) { _hessianVectorProduct(at: x, direction: $0, rule) }
}

/// The Hessian of a function of a tensor that returns a rank-0 tensor (see above).
@inlinable
public func _hessian<T: TensorScalar & ElementaryFloatingPoint>(
  at x: Tensor<T>,
  _ rule: (Tensor<Dual<T>>) -> (value: Tensor<Dual<T>>, pullback: (Tensor<Dual<T>>) -> Tensor<Dual<T>>)
) -> Tensor<T> {
  _hessianByColumns(of: x) { _hessianVectorProduct(at: x, direction: $0, rule) }
}

/// Assembles `H` from `H·eⱼ` for each unit direction `eⱼ`; `H` is symmetric, so column `j` is
/// also row `j`, which keeps the result row-major without a transpose.
@inlinable
public func _hessianByColumns<T: TensorScalar>(
  of x: Tensor<T>, _ product: (Tensor<T>) -> Tensor<T>
) -> Tensor<T> {
  let n = x.scalarCount
  var scalars: [T] = []
  scalars.reserveCapacity(n * n)
  for j in 0..<n {
    scalars.append(contentsOf: product(x._unitTangent(at: j)).scalars)
  }
  return Tensor(shape: x.shape + x.shape, scalars: scalars)
}

/// The derivatives of a dual gradient, as a tensor of `x`'s shape. A gradient of another shape
/// can only be the zero of an input the function never read.
@inlinable
public func _derivativesOfGradient<T: TensorScalar & ElementaryFloatingPoint>(
  _ gradient: Tensor<Dual<T>>, like x: Tensor<T>
) -> Tensor<T> {
  if gradient.shape != x.shape { return Tensor(shape: x.shape, repeating: 0) }
  return gradient._derivatives()
}

// MARK: - Jacobians

/// The Jacobian of a tensor function that is generic over its scalar, as rows (row `i` is the
/// gradient of output scalar `i`, a tensor of the input's shape): forward mode (one pass on dual
/// tensors per input scalar) when the input has fewer scalars than the output, reverse mode (one
/// pullback per output scalar) otherwise.
@inlinable
public func _jacobian<T: TensorScalar & ElementaryFloatingPoint>(
  at x: Tensor<T>,
  reverse rule: (Tensor<T>) -> (value: Tensor<T>, pullback: (Tensor<T>) -> Tensor<T>),
  forward f: (Tensor<Dual<T>>) -> Tensor<Dual<T>>
) -> [Tensor<T>] {
  let n = x.scalarCount
  guard n > 0 else { return _jacobian(at: x, reverse: rule) }
  let first = f(x._seeded(along: x._unitTangent(at: 0)))._derivatives()
  let m = first.scalarCount
  guard n < m else { return _jacobian(at: x, reverse: rule) }
  // columns[k] = J·eₖ; row i of J gathers entry i of every column.
  var columns = [first.scalars]
  for k in 1..<n {
    columns.append(f(x._seeded(along: x._unitTangent(at: k)))._derivatives().scalars)
  }
  return (0..<m).map { i in Tensor(shape: x.shape, scalars: columns.map { $0[i] }) }
}

// MARK: - A readable error for tensor functions that are not generic over their scalar

/// Reached only when a tensor function cannot run on dual tensors: it is written for
/// `Tensor<Double>` instead of a generic scalar.
@available(*, unavailable, message: "#hessian of a tensor function needs it generic over its scalar, e.g. func f<S: TensorScalar>(_ x: Tensor<S>) -> S: the Hessian runs its pullback on Tensor<Dual<Double>> (forward over reverse); bring constants in with Tensor<S>(w)")
@_disfavoredOverload
public func _hessian<S: TensorScalar, R, G, H>(at x: Tensor<S>, _ rule: (Tensor<S>) -> (value: R, pullback: (R) -> G)) -> H { fatalError() }

/// Reached only when a tensor function cannot run on dual tensors (see `_hessian`).
@available(*, unavailable, message: "#hessianVectorProduct of a tensor function needs it generic over its scalar, e.g. func f<S: TensorScalar>(_ x: Tensor<S>) -> S: it runs the pullback on Tensor<Dual<Double>> (forward over reverse); bring constants in with Tensor<S>(w)")
@_disfavoredOverload
public func _hessianVectorProduct<S: TensorScalar, R, G, H>(at x: Tensor<S>, direction v: Tensor<S>, _ rule: (Tensor<S>) -> (value: R, pullback: (R) -> G)) -> H { fatalError() }

/// Reached only when a tensor function cannot run on dual tensors.
@available(*, unavailable, message: "#pushforward of a tensor function needs it generic over its scalar, e.g. func f<S: TensorScalar>(_ x: Tensor<S>) -> Tensor<S>: forward mode evaluates it on Tensor<Dual<Double>>; bring constants in with Tensor<S>(w)")
@_disfavoredOverload
public func _pushforward<S: TensorScalar, R>(at x: Tensor<S>, _ f: @escaping (Tensor<S>) -> R) -> (value: R, differential: (Tensor<S>) -> R) { fatalError() }
