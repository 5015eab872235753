// The VJP rules of the elementary functions for generic scalars: a function generic over
// `T: ElementaryFloatingPoint` that calls `sin(x)` gets `_vjp(sin: x)` with `x: T`, and a
// generated pullback evaluated on `Dual` numbers (forward over reverse: `#hessian`) runs these.
//
// The formulas, domains and conventions are those of the concrete rules in
// Scalar+Elementary.swift, which the type checker still prefers for `Double` and `Float` (a
// non-generic overload wins). Exact zeros test `_isExactlyZero`, not `== 0`: a dual number whose
// value is zero may have a derivative that a second derivative needs.

/// `d * k`, or an exact zero when `k` is zero in every part (see `_chain(_:_:)`).
@usableFromInline @inline(__always)
internal func _chainExact<T: ElementaryFloatingPoint>(_ d: T, _ k: T) -> T {
  k._isExactlyZero ? 0 : d * k
}

/// The rule for `exp(x)` on a generic scalar: `d/dx eˣ = eˣ`.
@inlinable
public func _vjp<T: ElementaryFloatingPoint>(exp x: T) -> (value: T, pullback: (T) -> T) {
  let v = T._elementaryExp(x)
  return (v, { d in d * v })
}
/// The rule for `exp2(x)` on a generic scalar: `d/dx 2ˣ = 2ˣ ln 2`.
@inlinable
public func _vjp<T: ElementaryFloatingPoint>(exp2 x: T) -> (value: T, pullback: (T) -> T) {
  let v = T._elementaryExp2(x)
  return (v, { d in d * (v * T(0.693_147_180_559_945_309_417_232_121_458_176_568)) })
}
/// The rule for `expm1(x)` on a generic scalar: `d/dx (eˣ - 1) = eˣ`.
@inlinable
public func _vjp<T: ElementaryFloatingPoint>(expm1 x: T) -> (value: T, pullback: (T) -> T) {
  let v = T._elementaryExpm1(x)
  return (v, { d in d * (v + 1) })
}
/// The rule for `log(x)` on a generic scalar: `d/dx ln x = 1 / x`, domain `x > 0`.
@inlinable
public func _vjp<T: ElementaryFloatingPoint>(log x: T) -> (value: T, pullback: (T) -> T) {
  (T._elementaryLog(x), { d in d / x })
}
/// The rule for `log2(x)` on a generic scalar: `d/dx log₂ x = 1 / (x ln 2)`, domain `x > 0`.
@inlinable
public func _vjp<T: ElementaryFloatingPoint>(log2 x: T) -> (value: T, pullback: (T) -> T) {
  (T._elementaryLog2(x), { d in d / (x * T(0.693_147_180_559_945_309_417_232_121_458_176_568)) })
}
/// The rule for `log10(x)` on a generic scalar: `d/dx log₁₀ x = 1 / (x ln 10)`, domain `x > 0`.
@inlinable
public func _vjp<T: ElementaryFloatingPoint>(log10 x: T) -> (value: T, pullback: (T) -> T) {
  (T._elementaryLog10(x), { d in d / (x * T(2.302_585_092_994_045_684_017_991_454_684_364_208)) })
}
/// The rule for `log1p(x)` on a generic scalar: `d/dx ln(1 + x) = 1 / (1 + x)`, domain `x > -1`.
@inlinable
public func _vjp<T: ElementaryFloatingPoint>(log1p x: T) -> (value: T, pullback: (T) -> T) {
  (T._elementaryLog1p(x), { d in d / (1 + x) })
}
/// The rule for `pow(x, y)` on a generic scalar: `∂/∂x = y xʸ⁻¹`, `∂/∂y = xʸ ln|x|`, with the
/// conventions of the `Double` rule (`∂/∂x = 0` at `y == 0`, `∂/∂y = 0` at `x == 0`, an exact
/// zero stays zero under an infinite gradient).
@inlinable
public func _vjp<T: ElementaryFloatingPoint>(pow x: T, _ y: T) -> (value: T, pullback: (T) -> (T, T)) {
  let v = T._elementaryPow(x, y)
  return (v, { d in
    let dx: T = y._isExactlyZero ? 0 : y * T._elementaryPow(x, y - 1)
    let dy: T = x._isExactlyZero ? 0 : v * T._elementaryLog(x.magnitude)
    return (_chainExact(d, dx), _chainExact(d, dy))
  })
}
/// The rule for `sin(x)` on a generic scalar: `d/dx sin x = cos x`.
@inlinable
public func _vjp<T: ElementaryFloatingPoint>(sin x: T) -> (value: T, pullback: (T) -> T) {
  (T._elementarySin(x), { d in d * T._elementaryCos(x) })
}
/// The rule for `cos(x)` on a generic scalar: `d/dx cos x = -sin x`.
@inlinable
public func _vjp<T: ElementaryFloatingPoint>(cos x: T) -> (value: T, pullback: (T) -> T) {
  (T._elementaryCos(x), { d in -d * T._elementarySin(x) })
}
/// The rule for `tan(x)` on a generic scalar: `d/dx tan x = 1 + tan² x`.
@inlinable
public func _vjp<T: ElementaryFloatingPoint>(tan x: T) -> (value: T, pullback: (T) -> T) {
  let v = T._elementaryTan(x)
  return (v, { d in d * (1 + v * v) })
}
/// The rule for `asin(x)` on a generic scalar: `d/dx asin x = 1 / √(1 - x²)`, domain `-1 < x < 1`.
@inlinable
public func _vjp<T: ElementaryFloatingPoint>(asin x: T) -> (value: T, pullback: (T) -> T) {
  (T._elementaryAsin(x), { d in d / ((1 - x) * (1 + x)).squareRoot() })
}
/// The rule for `acos(x)` on a generic scalar: `d/dx acos x = -1 / √(1 - x²)`, domain `-1 < x < 1`.
@inlinable
public func _vjp<T: ElementaryFloatingPoint>(acos x: T) -> (value: T, pullback: (T) -> T) {
  (T._elementaryAcos(x), { d in -d / ((1 - x) * (1 + x)).squareRoot() })
}
/// The rule for `atan(x)` on a generic scalar: `d/dx atan x = 1 / (1 + x²)`.
@inlinable
public func _vjp<T: ElementaryFloatingPoint>(atan x: T) -> (value: T, pullback: (T) -> T) {
  (T._elementaryAtan(x), { d in d / (1 + x * x) })
}
/// The rule for `atan2(y, x)` on a generic scalar: `∂/∂y = x / (x² + y²)`, `∂/∂x = -y / (x² + y²)`.
@inlinable
public func _vjp<T: ElementaryFloatingPoint>(atan2 y: T, _ x: T) -> (value: T, pullback: (T) -> (T, T)) {
  (T._elementaryAtan2(y, x), { d in
    let r2 = x * x + y * y
    return (d * x / r2, -d * y / r2)
  })
}
/// The rule for `hypot(x, y)` on a generic scalar: `∂/∂x = x / hypot`, `∂/∂y = y / hypot`, and
/// `(0, 0)` at the origin.
@inlinable
public func _vjp<T: ElementaryFloatingPoint>(hypot x: T, _ y: T) -> (value: T, pullback: (T) -> (T, T)) {
  let v = T._elementaryHypot(x, y)
  return (v, { d in v._isExactlyZero ? (0, 0) : (d * (x / v), d * (y / v)) })
}
/// The rule for `sinh(x)` on a generic scalar: `d/dx sinh x = cosh x`.
@inlinable
public func _vjp<T: ElementaryFloatingPoint>(sinh x: T) -> (value: T, pullback: (T) -> T) {
  (T._elementarySinh(x), { d in d * T._elementaryCosh(x) })
}
/// The rule for `cosh(x)` on a generic scalar: `d/dx cosh x = sinh x`.
@inlinable
public func _vjp<T: ElementaryFloatingPoint>(cosh x: T) -> (value: T, pullback: (T) -> T) {
  (T._elementaryCosh(x), { d in d * T._elementarySinh(x) })
}
/// The rule for `tanh(x)` on a generic scalar: `d/dx tanh x = 1 - tanh² x`.
@inlinable
public func _vjp<T: ElementaryFloatingPoint>(tanh x: T) -> (value: T, pullback: (T) -> T) {
  let v = T._elementaryTanh(x)
  return (v, { d in d * (1 - v * v) })
}
