// Rules for converting between floating-point types: `Double(x)` and `Float(x)` with `x` active.
//
// The transform rewrites `Double(x)` into `_vjp(Double: x)`. A conversion is the identity on
// values (up to rounding), so its pullback converts the gradient back to the argument's type.
// Integer conversions such as `Int(x)` have no rule: the transform treats them as inactive.
//
// Concrete overloads cover `Double` and `Float`; a generic overload over `BinaryFloatingPoint`
// covers the other argument types (`Float16`, `Float80`, a generic parameter). The type checker
// prefers the concrete overloads, so there is no ambiguity.

// MARK: - To Double

/// The rule for `Double(x)` with `x: Double` (the identity).
///
/// ```
/// d/dx Double(x) = 1
/// ```
///
/// Defined everywhere.
@inlinable
public func _vjp(Double x: Double) -> (value: Double, pullback: (Double) -> Double) {
  (x, { d in d })
}

/// The rule for `Double(x)` with `x: Float` (a widening conversion, exact).
///
/// ```
/// d/dx Double(x) = 1   (the gradient is rounded back to Float)
/// ```
///
/// Defined everywhere. The gradient is rounded to the nearest `Float`, so a gradient beyond
/// `Float`'s range becomes infinite.
@inlinable
public func _vjp(Double x: Float) -> (value: Double, pullback: (Double) -> Float) {
  (Double(x), { d in Float(d) })
}

/// The rule for `Double(x)` with `x` of any other binary floating-point type.
///
/// ```
/// d/dx Double(x) = 1   (the gradient is converted back to x's type)
/// ```
///
/// Defined everywhere; conversions round to nearest.
@inlinable
public func _vjp<T: BinaryFloatingPoint>(Double x: T) -> (value: Double, pullback: (Double) -> T) {
  (Double(x), { d in T(d) })
}

// MARK: - To Float

/// The rule for `Float(x)` with `x: Float` (the identity).
///
/// ```
/// d/dx Float(x) = 1
/// ```
///
/// Defined everywhere.
@inlinable
public func _vjp(Float x: Float) -> (value: Float, pullback: (Float) -> Float) {
  (x, { d in d })
}

/// The rule for `Float(x)` with `x: Double` (a narrowing conversion, rounded to nearest).
///
/// ```
/// d/dx Float(x) = 1   (the gradient is widened back to Double)
/// ```
///
/// The derivative of rounding is taken to be `1`, as if `Float(x)` were `x`: a straight-through
/// gradient, as in ChainRules.jl and JAX. Widening the gradient back to `Double` is exact. Where
/// `x` overflows `Float`'s range the value is infinite but the gradient stays `d`.
@inlinable
public func _vjp(Float x: Double) -> (value: Float, pullback: (Float) -> Double) {
  (Float(x), { d in Double(d) })
}

/// The rule for `Float(x)` with `x` of any other binary floating-point type.
///
/// ```
/// d/dx Float(x) = 1   (the gradient is converted back to x's type)
/// ```
///
/// Straight-through, like `_vjp(Float:)` from `Double`; conversions round to nearest.
@inlinable
public func _vjp<T: BinaryFloatingPoint>(Float x: T) -> (value: Float, pullback: (Float) -> T) {
  (Float(x), { d in T(d) })
}
