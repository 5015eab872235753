// Stopping a gradient: `dropgrad(x)` is `x` on the way forward and a wall on the way back.

/// Returns `x` unchanged, and stops its gradient in a differentiated function.
///
/// ```swift
/// @Differentiable
/// func f(_ x: Double) -> Double { x * dropgrad(x) }   // the value is x², the derivative is x
/// ```
///
/// ```
/// d/dx dropgrad(x) = 0
/// ```
///
/// In forward mode and in second derivatives a function generic over its scalar runs on ``Dual``
/// numbers; there `dropgrad` also removes every derivative the value carries (the overloads
/// below, for scalars, arrays and tensors of ``DerivativeDropping`` scalars), so that a stopped
/// value is a constant to every order, as in JAX's `stop_gradient`.
///
/// The transform treats `dropgrad(e)` as inactive: `e` is evaluated as written and no gradient
/// flows into it, so a value that was computed from the inputs can be used as a constant (a
/// target in a loss, a normalising factor, a quantity that must not be trained). Outside a
/// differentiated function it is the identity.
///
/// See also: `_vjp(dropgrad:)`.
@inlinable
public func dropgrad<T>(_ x: T) -> T {
  // Code generic over `BinaryFloatingPoint` reaches this overload even when `T` is a dual number:
  // the check is folded away once specialised.
  if let droppable = x as? any DerivativeDropping, let stopped = droppable._withoutDerivatives as? T {
    return stopped
  }
  return x
}

/// `x` without the derivatives its elements may carry (see the scalar form); the identity
/// on arrays of anything but dual numbers.
@inlinable
public func dropgrad<T>(_ x: [T]) -> [T] {
  guard T.self is any DerivativeDropping.Type else { return x }
  return x.map(dropgrad)
}

/// The rule for `dropgrad(x)`: the value `x` and a pullback that returns the zero tangent.
///
/// ```
/// d/dx dropgrad(x) = 0
/// ```
///
/// The transform does not normally call this rule, because it treats `dropgrad(e)` as inactive.
/// It exists so that `dropgrad` in an active position (for example in generated code for a call
/// the transform could not classify) still has the right meaning. The zero has the shape of `x`
/// (for an array, zeros of the same count).
@inlinable
public func _vjp<T: Differentiable>(dropgrad x: T) -> (value: T, pullback: (T.Tangent) -> T.Tangent) {
  (dropgrad(x), { _ in x.zeroTangent })
}

// MARK: - Dropping the derivatives that dual numbers carry

/// A scalar that may carry derivatives (a ``Dual`` number does; `Double` and `Float` do not),
/// so that `dropgrad` can remove them.
///
/// Generic code resolves `dropgrad(x)` when it is compiled, before it knows whether its scalar
/// is a dual number; these overloads are picked for any `ElementaryFloatingPoint` or
/// `TensorScalar`, and the requirement finds out at run time (free once specialised).
public protocol DerivativeDropping {
  /// The value with every derivative set to zero, at every nesting level.
  var _withoutDerivatives: Self { get }
  /// Whether values of this type can carry derivatives: lets tensors skip a copy for `Double`.
  static var _carriesDerivatives: Bool { get }
}

extension Double: DerivativeDropping {
  /// `self`: a `Double` carries no derivative.
  @inlinable @inline(__always) public var _withoutDerivatives: Double { self }
  /// `false`.
  @inlinable public static var _carriesDerivatives: Bool { false }
}

extension Float: DerivativeDropping {
  /// `self`: a `Float` carries no derivative.
  @inlinable @inline(__always) public var _withoutDerivatives: Float { self }
  /// `false`.
  @inlinable public static var _carriesDerivatives: Bool { false }
}

/// `x` without its derivatives: a constant in forward mode and in second derivatives.
@inlinable @inline(__always)
public func dropgrad<T: DerivativeDropping>(_ x: T) -> T { x._withoutDerivatives }

/// `x` without the derivatives of its elements.
@inlinable
public func dropgrad<T: DerivativeDropping>(_ x: [T]) -> [T] {
  T._carriesDerivatives ? x.map(\._withoutDerivatives) : x
}

/// The rule for `dropgrad(x)` on a scalar that may carry derivatives.
@inlinable
public func _vjp<T: DerivativeDropping & Differentiable>(dropgrad x: T) -> (value: T, pullback: (T.Tangent) -> T.Tangent) {
  (dropgrad(x), { _ in x.zeroTangent })
}

/// The rule for `dropgrad(x)` on an array of scalars that may carry derivatives.
@inlinable
public func _vjp<T: DerivativeDropping & Differentiable>(dropgrad x: [T]) -> (value: [T], pullback: ([T].Tangent) -> [T].Tangent) {
  (dropgrad(x), { _ in x.zeroTangent })
}

/// `x` without the derivatives of its scalars (a copy only for dual scalars).
@inlinable
public func dropgrad<S: TensorScalar>(_ x: Tensor<S>) -> Tensor<S> {
  S._carriesDerivatives ? x.map(\._withoutDerivatives) : x
}

/// The rule for `dropgrad(x)` on a tensor: the value without derivatives, and a zero gradient.
@inlinable
public func _vjp<S: TensorScalar>(dropgrad x: Tensor<S>) -> (value: Tensor<S>, pullback: (Tensor<S>) -> Tensor<S>) {
  (dropgrad(x), { _ in x.zeroTangent })
}
