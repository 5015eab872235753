// Rules for the piecewise-linear functions of scalars: `abs`, `fabs`, `min` and `max`.
//
// Each has a kink where its pieces meet, and there a rule has to choose one of the subgradients.
// The conventions (the same as ChainRules.jl and JAX, collected in the article "Derivatives at
// kinks and singular points"):
// - `abs'(0) = 0`: the subgradient `sign(0) = 0`.
// - `min` and `max` at a tie (`a == b`) split the gradient evenly, half to each argument, so the
//   two gradients still add up to the gradient of the result.
//
// The rules are written once over `FloatingPoint`; they specialize for `Double` and `Float` at
// the call site like the arithmetic rules. Swift's `min` and `max` are generic over `Comparable`,
// so the transform's `_vjp(min: a, b)` finds these rules for any floating-point type.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The sign of `x` as a number: `-1`, `0` or `1`, and NaN for NaN.
///
/// ```
/// _sign(x) = x > 0 ? 1 : x < 0 ? -1 : x == 0 ? 0 : NaN
/// ```
///
/// Both zeros have sign `0`: this is the subgradient the kink convention picks for `abs` at `0`.
@usableFromInline @inline(__always)
internal func _sign<T: FloatingPoint>(_ x: T) -> T {
  x > 0 ? 1 : (x < 0 ? -1 : (x == 0 ? 0 : .nan))
}

// MARK: - Absolute value

/// The rule for `abs(x)`.
///
/// ```
/// d/dx |x| = sign(x)   = -1 for x < 0,  1 for x > 0
/// ```
///
/// Kink at `x == 0` (either zero): the gradient is exactly `0` there, the subgradient
/// `sign(0) = 0`, as in ChainRules.jl and JAX; an infinite incoming gradient also gives `0`,
/// not NaN. For a NaN argument the gradient is NaN.
///
/// See also: `_vjp(fabs:)`, `_vjp(hypot:_:)`.
@inlinable
public func _vjp<T: FloatingPoint>(abs x: T) -> (value: T, pullback: (T) -> T) {
  (abs(x), { d in _chain(d, _sign(x)) })
}

/// The rule for `fabs(x)`, the C library's absolute value (deprecated in Swift in favour of `abs`).
///
/// ```
/// d/dx |x| = sign(x)
/// ```
///
/// Kink at `x == 0`, where the gradient is `0` (the same convention as `_vjp(abs:)`). The value
/// is computed with `abs`, which is what Swift's `fabs` calls.
@inlinable
public func _vjp<T: FloatingPoint>(fabs x: T) -> (value: T, pullback: (T) -> T) {
  (abs(x), { d in _chain(d, _sign(x)) })
}

// MARK: - Minimum and maximum

/// The rule for Swift's `min(a, b)` of two floating-point values.
///
/// ```
/// ∂min(a, b)/∂a = 1 if a < b, 0 if a > b
/// ∂min(a, b)/∂b = 0 if a < b, 1 if a > b
/// ```
///
/// Kink at `a == b`: the gradient is split evenly, `(d / 2, d / 2)`, as in JAX; `+0` and `-0`
/// count as a tie. If an argument is NaN, the whole gradient goes to the argument that `min`
/// returned (Swift's `min` returns `b` only when `b < a`), and the other gets an exact `0`.
///
/// See also: `_vjp(max:_:)`.
@inlinable
public func _vjp<T: FloatingPoint>(min a: T, _ b: T) -> (value: T, pullback: (T) -> (T, T)) {
  (min(a, b), { d in
    if a == b { return (d / 2, d / 2) }
    return b < a ? (0, d) : (d, 0)
  })
}

/// The rule for Swift's `max(a, b)` of two floating-point values.
///
/// ```
/// ∂max(a, b)/∂a = 1 if a > b, 0 if a < b
/// ∂max(a, b)/∂b = 0 if a > b, 1 if a < b
/// ```
///
/// Kink at `a == b`: the gradient is split evenly, `(d / 2, d / 2)`, as in JAX; `+0` and `-0`
/// count as a tie. If an argument is NaN, the whole gradient goes to the argument that `max`
/// returned (Swift's `max` returns `b` only when `b >= a`), and the other gets an exact `0`.
///
/// See also: `_vjp(min:_:)`.
@inlinable
public func _vjp<T: FloatingPoint>(max a: T, _ b: T) -> (value: T, pullback: (T) -> (T, T)) {
  (max(a, b), { d in
    if a == b { return (d / 2, d / 2) }
    return b > a ? (0, d) : (d, 0)
  })
}
