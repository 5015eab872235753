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
/// The transform treats `dropgrad(e)` as inactive: `e` is evaluated as written and no gradient
/// flows into it, so a value that was computed from the inputs can be used as a constant (a
/// target in a loss, a normalising factor, a quantity that must not be trained). Outside a
/// differentiated function it is the identity.
///
/// See also: `_vjp(dropgrad:)`.
@inlinable
public func dropgrad<T>(_ x: T) -> T {
  x
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
  (x, { _ in x.zeroTangent })
}
