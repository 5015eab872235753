// Rules for the arithmetic operators on scalars: binary `+ - * /` and prefix `-` and `+`.
//
// The transform rewrites `a * b` into `_vjp(__multiply: a, b)` and `-x` into `_vjp(__negate: x)`,
// and lowers a compound assignment such as `s += x` to the rule of its operator,
// `_vjp(__add: s, x)`. Each rule returns the operator's value and a pullback that maps the
// gradient of the result (`d`) to the gradient of each operand, in argument order.
//
// The rules are written once over `FloatingPoint`, so they serve `Double`, `Float`, `Float16`,
// `Float80` and a user's function that is generic over `T: FloatingPoint`. They are `@inlinable`
// and the optimizer specializes and inlines them at a concrete call site: the generated code for
// `x * y` compiles to the same instructions as a hand-written `(x * y, { d in (d * y, d * x) })`.
// A floating-point scalar is its own tangent type.

/// The chain rule along one edge: `d * k`, except that it is exactly zero when the local
/// derivative `k` is zero.
///
/// ```
/// _chain(d, k) = k == 0 ? 0 : d * k
/// ```
///
/// A rule uses it where its local derivative can be exactly zero while the incoming gradient may
/// be infinite: then `0 * Inf` would make a NaN that the true derivative does not have. Zygote.jl's
/// power rule returns an exact zero for the same reason, so that `sqrt(pow(x, 2))` at `x == 0`
/// gives `0`, not NaN (see `testSquareRootOfSquareAtZeroIsZeroNotNaN`).
@usableFromInline @inline(__always)
internal func _chain<T: FloatingPoint>(_ d: T, _ k: T) -> T {
  k == 0 ? 0 : d * k
}

// MARK: - Binary operators

/// The rule for `a + b`.
///
/// ```
/// ∂(a + b)/∂a = 1
/// ∂(a + b)/∂b = 1
/// ```
///
/// Defined everywhere; the pullback passes the gradient to both operands unchanged.
///
/// See also: `_vjp(__subtract:_:)`.
@inlinable
public func _vjp<T: FloatingPoint>(__add a: T, _ b: T) -> (value: T, pullback: (T) -> (T, T)) {
  (a + b, { d in (d, d) })
}

/// The rule for `a - b`.
///
/// ```
/// ∂(a - b)/∂a =  1
/// ∂(a - b)/∂b = -1
/// ```
///
/// Defined everywhere.
///
/// See also: `_vjp(__add:_:)`, `_vjp(__negate:)`.
@inlinable
public func _vjp<T: FloatingPoint>(__subtract a: T, _ b: T) -> (value: T, pullback: (T) -> (T, T)) {
  (a - b, { d in (d, -d) })
}

/// The rule for `a * b` (the product rule).
///
/// ```
/// ∂(a · b)/∂a = b
/// ∂(a · b)/∂b = a
/// ```
///
/// Defined everywhere. The pullback keeps both operands; nothing else is saved.
///
/// See also: `_vjp(__divide:_:)`.
@inlinable
public func _vjp<T: FloatingPoint>(__multiply a: T, _ b: T) -> (value: T, pullback: (T) -> (T, T)) {
  (a * b, { d in (d * b, d * a) })
}

/// The rule for `a / b` (the quotient rule).
///
/// ```
/// ∂(a / b)/∂a =  1 / b
/// ∂(a / b)/∂b = -a / b²  = -(a / b) / b
/// ```
///
/// Domain: `b != 0`. At `b == 0` the gradients are infinite or NaN, like the quotient itself.
/// The pullback reuses the quotient `q = a / b`, so `∂/∂b` costs a division and a multiplication
/// and does not square `b` (which could overflow where `a / b` does not).
///
/// See also: `_vjp(__multiply:_:)`.
@inlinable
public func _vjp<T: FloatingPoint>(__divide a: T, _ b: T) -> (value: T, pullback: (T) -> (T, T)) {
  let q = a / b
  return (q, { d in
    let da = d / b
    return (da, -da * q)
  })
}

// MARK: - Prefix operators

/// The rule for prefix `-x`.
///
/// ```
/// d(-x)/dx = -1
/// ```
///
/// Defined everywhere.
@inlinable
public func _vjp<T: FloatingPoint>(__negate x: T) -> (value: T, pullback: (T) -> T) {
  (-x, { d in -d })
}

/// The rule for prefix `+x` (the identity).
///
/// ```
/// d(+x)/dx = 1
/// ```
///
/// Defined everywhere.
@inlinable
public func _vjp<T: FloatingPoint>(__plus x: T) -> (value: T, pullback: (T) -> T) {
  (+x, { d in d })
}
