// Rules for the elementary functions of the C math library on `Double` and `Float`: square root,
// exponentials and logarithms, powers, trigonometric and hyperbolic functions.
//
// The transform rewrites `sin(x)` into `_vjp(sin: x)` and `x.squareRoot()` into
// `x._vjpm(squareRoot: ())`; the type checker picks the `Double` or `Float` overload here.
//
// How the rules are written:
// - The forward pass computes only the value. A derivative factor that needs another libm call
//   (`cos(x)` for `sin`) is computed in the pullback, so a value that is never differentiated
//   costs nothing extra; the closure captures the argument.
// - Where the derivative is a function of the value (`exp`, `sqrt`, `tan`, `tanh`, `expm1`,
//   `exp2`, `pow`), the pullback reuses the value instead of calling libm again.
// - Domains, singular points and conventions are stated in each doc comment; the conventions
//   are collected in the article "Derivatives at kinks and singular points".

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// MARK: - Square root

/// The rule for `sqrt(x)`.
///
/// ```
/// d/dx √x = 1 / (2 √x)
/// ```
///
/// Domain: `x >= 0`. At `x == 0` the derivative is `+Inf` (the true one-sided derivative); for
/// `x < 0` the value and the gradient are NaN. The pullback reuses the value `√x`.
///
/// Written once over `FloatingPoint` (it needs only `squareRoot()`), so it serves `Double`,
/// `Float` and generic code.
///
/// See also: `_vjpm(squareRoot:)`, `_vjp(pow:_:)`.
@inlinable
public func _vjp<T: FloatingPoint>(sqrt x: T) -> (value: T, pullback: (T) -> T) {
  let v = x.squareRoot()
  return (v, { d in d / (2 * v) })
}

extension FloatingPoint {
  /// The rule for the method `x.squareRoot()`.
  ///
  /// ```
  /// d/dx √x = 1 / (2 √x)
  /// ```
  ///
  /// Domain: `self >= 0`; `+Inf` at `0`, NaN below it. The pullback returns the gradient of
  /// `self` (the method has no other arguments) and reuses the value.
  ///
  /// See also: `_vjp(sqrt:)`.
  @inlinable
  public func _vjpm(squareRoot: ()) -> (value: Self, pullback: (Self) -> Self) {
    let v = self.squareRoot()
    return (v, { d in d / (2 * v) })
  }
}

// MARK: - Exponentials

/// The rule for `exp(x)`.
///
/// ```
/// d/dx eˣ = eˣ
/// ```
///
/// Defined everywhere. The pullback reuses the value. Where `eˣ` overflows to `+Inf` the
/// gradient is `+Inf` too.
///
/// See also: `_vjp(expm1:)`, `_vjp(exp2:)`, `_vjp(log:)`.
@inlinable
public func _vjp(exp x: Double) -> (value: Double, pullback: (Double) -> Double) {
  let v = exp(x)
  return (v, { d in d * v })
}
/// The rule for `exp(x)` on `Float`: `d/dx eˣ = eˣ`, defined everywhere (see the `Double` rule).
@inlinable
public func _vjp(exp x: Float) -> (value: Float, pullback: (Float) -> Float) {
  let v = exp(x)
  return (v, { d in d * v })
}

/// The rule for `exp2(x)`.
///
/// ```
/// d/dx 2ˣ = 2ˣ · ln 2
/// ```
///
/// Defined everywhere. The pullback reuses the value.
///
/// See also: `_vjp(exp:)`, `_vjp(log2:)`.
@inlinable
public func _vjp(exp2 x: Double) -> (value: Double, pullback: (Double) -> Double) {
  let v = exp2(x)
  return (v, { d in d * (v * 0.693_147_180_559_945_309_417_232_121_458_176_568) })
}
/// The rule for `exp2(x)` on `Float`: `d/dx 2ˣ = 2ˣ · ln 2`, defined everywhere (see the `Double` rule).
@inlinable
public func _vjp(exp2 x: Float) -> (value: Float, pullback: (Float) -> Float) {
  let v = exp2(x)
  return (v, { d in d * (v * 0.693_147_180_559_945_309_417_232_121_458_176_568) })
}

/// The rule for `expm1(x)`, that is `eˣ - 1` computed accurately near `0`.
///
/// ```
/// d/dx (eˣ - 1) = eˣ = expm1(x) + 1
/// ```
///
/// Defined everywhere. The pullback reuses the value; adding `1` back loses nothing that matters,
/// because the derivative is close to `1`, not close to `0`, where `expm1` is precise.
///
/// See also: `_vjp(exp:)`, `_vjp(log1p:)`.
@inlinable
public func _vjp(expm1 x: Double) -> (value: Double, pullback: (Double) -> Double) {
  let v = expm1(x)
  return (v, { d in d * (v + 1) })
}
/// The rule for `expm1(x)` on `Float`: `d/dx (eˣ - 1) = eˣ`, defined everywhere (see the `Double` rule).
@inlinable
public func _vjp(expm1 x: Float) -> (value: Float, pullback: (Float) -> Float) {
  let v = expm1(x)
  return (v, { d in d * (v + 1) })
}

// MARK: - Logarithms

/// The rule for `log(x)`, the natural logarithm.
///
/// ```
/// d/dx ln x = 1 / x
/// ```
///
/// Domain: `x > 0`. At `x == 0` the value is `-Inf` and the gradient `+Inf`; for `x < 0` the
/// value is NaN and the gradient is the real `1 / x` (it is not made NaN).
///
/// See also: `_vjp(log1p:)`, `_vjp(log2:)`, `_vjp(log10:)`, `_vjp(exp:)`.
@inlinable
public func _vjp(log x: Double) -> (value: Double, pullback: (Double) -> Double) {
  (log(x), { d in d / x })
}
/// The rule for `log(x)` on `Float`: `d/dx ln x = 1 / x`, domain `x > 0` (see the `Double` rule).
@inlinable
public func _vjp(log x: Float) -> (value: Float, pullback: (Float) -> Float) {
  (log(x), { d in d / x })
}

/// The rule for `log2(x)`, the base-2 logarithm.
///
/// ```
/// d/dx log₂ x = 1 / (x · ln 2)
/// ```
///
/// Domain: `x > 0`, with the same behaviour at and below `0` as `_vjp(log:)`.
@inlinable
public func _vjp(log2 x: Double) -> (value: Double, pullback: (Double) -> Double) {
  (log2(x), { d in d / (x * 0.693_147_180_559_945_309_417_232_121_458_176_568) })
}
/// The rule for `log2(x)` on `Float`: `d/dx log₂ x = 1 / (x · ln 2)`, domain `x > 0` (see the `Double` rule).
@inlinable
public func _vjp(log2 x: Float) -> (value: Float, pullback: (Float) -> Float) {
  (log2(x), { d in d / (x * 0.693_147_180_559_945_309_417_232_121_458_176_568) })
}

/// The rule for `log10(x)`, the base-10 logarithm.
///
/// ```
/// d/dx log₁₀ x = 1 / (x · ln 10)
/// ```
///
/// Domain: `x > 0`, with the same behaviour at and below `0` as `_vjp(log:)`.
@inlinable
public func _vjp(log10 x: Double) -> (value: Double, pullback: (Double) -> Double) {
  (log10(x), { d in d / (x * 2.302_585_092_994_045_684_017_991_454_684_364_208) })
}
/// The rule for `log10(x)` on `Float`: `d/dx log₁₀ x = 1 / (x · ln 10)`, domain `x > 0` (see the `Double` rule).
@inlinable
public func _vjp(log10 x: Float) -> (value: Float, pullback: (Float) -> Float) {
  (log10(x), { d in d / (x * 2.302_585_092_994_045_684_017_991_454_684_364_208) })
}

/// The rule for `log1p(x)`, that is `ln(1 + x)` computed accurately near `0`.
///
/// ```
/// d/dx ln(1 + x) = 1 / (1 + x)
/// ```
///
/// Domain: `x > -1`. At `x == -1` the gradient is `+Inf`.
///
/// See also: `_vjp(log:)`, `_vjp(expm1:)`.
@inlinable
public func _vjp(log1p x: Double) -> (value: Double, pullback: (Double) -> Double) {
  (log1p(x), { d in d / (1 + x) })
}
/// The rule for `log1p(x)` on `Float`: `d/dx ln(1 + x) = 1 / (1 + x)`, domain `x > -1` (see the `Double` rule).
@inlinable
public func _vjp(log1p x: Float) -> (value: Float, pullback: (Float) -> Float) {
  (log1p(x), { d in d / (1 + x) })
}

// MARK: - Power

/// The rule for `pow(x, y)`, that is `xʸ`, differentiated in both arguments.
///
/// ```
/// ∂xʸ/∂x = y · xʸ⁻¹
/// ∂xʸ/∂y = xʸ · ln x
/// ```
///
/// Domain: `x > 0` for both partials; a negative `x` has a real power only for an integer `y`.
/// Conventions where the formulas break down:
/// - `y == 0`: `∂/∂x = 0`, also at `x == 0` (`x⁰ = 1` is constant in `x`; the formula would give
///   `0 · Inf = NaN` there).
/// - `x == 0`: `∂/∂x` is what `y · 0ʸ⁻¹` gives: `1` for `y == 1`, `0` for `y > 1`, `+Inf` for
///   `0 < y < 1`; and `∂/∂y` is defined as `0` (for `y > 0`, `0ʸ` is constant `0`; `ln 0` would
///   give `0 · -Inf = NaN`).
/// - `x < 0`: `∂/∂y = xʸ · ln|x|`, the real part of the complex derivative (as ChainRules.jl).
/// - A partial whose local derivative is exactly `0` passes an exact `0`, even when the incoming
///   gradient is infinite, as in Zygote.jl: `sqrt(pow(x, 2))` at `x == 0` has gradient `0`,
///   not `Inf · 0 = NaN`.
///
/// The pullback reuses the value for `∂/∂y` and calls `pow` once more for `∂/∂x`.
///
/// See also: `_vjp(sqrt:)`, `_vjp(exp:)`.
@inlinable
public func _vjp(pow x: Double, _ y: Double) -> (value: Double, pullback: (Double) -> (Double, Double)) {
  let v = pow(x, y)
  return (v, { d in
    let dx: Double = y == 0 ? 0 : y * pow(x, y - 1)
    let dy: Double = x == 0 ? 0 : v * log(abs(x))
    return (_chain(d, dx), _chain(d, dy))
  })
}
/// The rule for `pow(x, y)` on `Float`: `∂/∂x = y · xʸ⁻¹`, `∂/∂y = xʸ · ln x`, with the
/// conventions at `x == 0`, `y == 0` and `x < 0` of the `Double` rule.
@inlinable
public func _vjp(pow x: Float, _ y: Float) -> (value: Float, pullback: (Float) -> (Float, Float)) {
  let v = pow(x, y)
  return (v, { d in
    let dx: Float = y == 0 ? 0 : y * pow(x, y - 1)
    let dy: Float = x == 0 ? 0 : v * log(abs(x))
    return (_chain(d, dx), _chain(d, dy))
  })
}

// MARK: - Trigonometric functions

/// The rule for `sin(x)`.
///
/// ```
/// d/dx sin x = cos x
/// ```
///
/// Defined everywhere; `cos x` is computed in the pullback.
///
/// See also: `_vjp(cos:)`.
@inlinable
public func _vjp(sin x: Double) -> (value: Double, pullback: (Double) -> Double) {
  (sin(x), { d in d * cos(x) })
}
/// The rule for `sin(x)` on `Float`: `d/dx sin x = cos x`, defined everywhere (see the `Double` rule).
@inlinable
public func _vjp(sin x: Float) -> (value: Float, pullback: (Float) -> Float) {
  (sin(x), { d in d * cos(x) })
}

/// The rule for `cos(x)`.
///
/// ```
/// d/dx cos x = -sin x
/// ```
///
/// Defined everywhere; `sin x` is computed in the pullback.
///
/// See also: `_vjp(sin:)`.
@inlinable
public func _vjp(cos x: Double) -> (value: Double, pullback: (Double) -> Double) {
  (cos(x), { d in -d * sin(x) })
}
/// The rule for `cos(x)` on `Float`: `d/dx cos x = -sin x`, defined everywhere (see the `Double` rule).
@inlinable
public func _vjp(cos x: Float) -> (value: Float, pullback: (Float) -> Float) {
  (cos(x), { d in -d * sin(x) })
}

/// The rule for `tan(x)`.
///
/// ```
/// d/dx tan x = 1 + tan² x   (= 1 / cos² x)
/// ```
///
/// Domain: `x` not an odd multiple of `π/2`, where `tan` has poles; near them the gradient is
/// large. The pullback reuses the value.
@inlinable
public func _vjp(tan x: Double) -> (value: Double, pullback: (Double) -> Double) {
  let v = tan(x)
  return (v, { d in d * (1 + v * v) })
}
/// The rule for `tan(x)` on `Float`: `d/dx tan x = 1 + tan² x`, poles at odd multiples of `π/2` (see the `Double` rule).
@inlinable
public func _vjp(tan x: Float) -> (value: Float, pullback: (Float) -> Float) {
  let v = tan(x)
  return (v, { d in d * (1 + v * v) })
}

/// The rule for `asin(x)`.
///
/// ```
/// d/dx asin x = 1 / √(1 - x²)
/// ```
///
/// Domain: `-1 < x < 1`. At `x == ±1` the gradient is `+Inf`; outside `[-1, 1]` the value and
/// the gradient are NaN. `1 - x²` is computed as `(1 - x)(1 + x)`, which is accurate near `±1`.
///
/// See also: `_vjp(acos:)`.
@inlinable
public func _vjp(asin x: Double) -> (value: Double, pullback: (Double) -> Double) {
  (asin(x), { d in d / ((1 - x) * (1 + x)).squareRoot() })
}
/// The rule for `asin(x)` on `Float`: `d/dx asin x = 1 / √(1 - x²)`, domain `-1 < x < 1` (see the `Double` rule).
@inlinable
public func _vjp(asin x: Float) -> (value: Float, pullback: (Float) -> Float) {
  (asin(x), { d in d / ((1 - x) * (1 + x)).squareRoot() })
}

/// The rule for `acos(x)`.
///
/// ```
/// d/dx acos x = -1 / √(1 - x²)
/// ```
///
/// Domain: `-1 < x < 1`. At `x == ±1` the gradient is `-Inf`; outside `[-1, 1]` the value and
/// the gradient are NaN.
///
/// See also: `_vjp(asin:)`.
@inlinable
public func _vjp(acos x: Double) -> (value: Double, pullback: (Double) -> Double) {
  (acos(x), { d in -d / ((1 - x) * (1 + x)).squareRoot() })
}
/// The rule for `acos(x)` on `Float`: `d/dx acos x = -1 / √(1 - x²)`, domain `-1 < x < 1` (see the `Double` rule).
@inlinable
public func _vjp(acos x: Float) -> (value: Float, pullback: (Float) -> Float) {
  (acos(x), { d in -d / ((1 - x) * (1 + x)).squareRoot() })
}

/// The rule for `atan(x)`.
///
/// ```
/// d/dx atan x = 1 / (1 + x²)
/// ```
///
/// Defined everywhere. For `|x|` so large that `x²` overflows, the gradient is `0`.
///
/// See also: `_vjp(atan2:_:)`.
@inlinable
public func _vjp(atan x: Double) -> (value: Double, pullback: (Double) -> Double) {
  (atan(x), { d in d / (1 + x * x) })
}
/// The rule for `atan(x)` on `Float`: `d/dx atan x = 1 / (1 + x²)`, defined everywhere (see the `Double` rule).
@inlinable
public func _vjp(atan x: Float) -> (value: Float, pullback: (Float) -> Float) {
  (atan(x), { d in d / (1 + x * x) })
}

/// The rule for `atan2(y, x)`, the angle of the point `(x, y)`; note the argument order.
///
/// ```
/// ∂atan2(y, x)/∂y =  x / (x² + y²)
/// ∂atan2(y, x)/∂x = -y / (x² + y²)
/// ```
///
/// Domain: `(x, y) != (0, 0)`. At the origin the angle is not continuous and both partials are
/// NaN (`0 / 0`), as in JAX and ChainRules.jl. Across the branch cut (`x < 0`, `y == ±0`) the
/// value jumps by `2π`, but the partials are those of the smooth side.
///
/// See also: `_vjp(atan:)`, `_vjp(hypot:_:)`.
@inlinable
public func _vjp(atan2 y: Double, _ x: Double) -> (value: Double, pullback: (Double) -> (Double, Double)) {
  (atan2(y, x), { d in
    let r2 = x * x + y * y
    return (d * x / r2, -d * y / r2)
  })
}
/// The rule for `atan2(y, x)` on `Float`: `∂/∂y = x / (x² + y²)`, `∂/∂x = -y / (x² + y²)`,
/// NaN at the origin (see the `Double` rule).
@inlinable
public func _vjp(atan2 y: Float, _ x: Float) -> (value: Float, pullback: (Float) -> (Float, Float)) {
  (atan2(y, x), { d in
    let r2 = x * x + y * y
    return (d * x / r2, -d * y / r2)
  })
}

/// The rule for `hypot(x, y)`, that is `√(x² + y²)` without intermediate overflow.
///
/// ```
/// ∂hypot(x, y)/∂x = x / hypot(x, y)
/// ∂hypot(x, y)/∂y = y / hypot(x, y)
/// ```
///
/// Domain: `(x, y) != (0, 0)`. The origin is a kink (a cone, like `abs` at `0`); by the same
/// convention as `abs'(0) = 0` both partials are `0` there instead of `0 / 0 = NaN`. The
/// pullback reuses the value.
///
/// See also: `_vjp(abs:)`, `_vjp(atan2:_:)`.
@inlinable
public func _vjp(hypot x: Double, _ y: Double) -> (value: Double, pullback: (Double) -> (Double, Double)) {
  let v = hypot(x, y)
  return (v, { d in v == 0 ? (0, 0) : (d * (x / v), d * (y / v)) })
}
/// The rule for `hypot(x, y)` on `Float`: `∂/∂x = x / hypot(x, y)`, `∂/∂y = y / hypot(x, y)`,
/// and `(0, 0)` at the origin (see the `Double` rule).
@inlinable
public func _vjp(hypot x: Float, _ y: Float) -> (value: Float, pullback: (Float) -> (Float, Float)) {
  let v = hypot(x, y)
  return (v, { d in v == 0 ? (0, 0) : (d * (x / v), d * (y / v)) })
}

// MARK: - Hyperbolic functions

/// The rule for `sinh(x)`.
///
/// ```
/// d/dx sinh x = cosh x
/// ```
///
/// Defined everywhere; `cosh x` is computed in the pullback.
///
/// See also: `_vjp(cosh:)`, `_vjp(tanh:)`.
@inlinable
public func _vjp(sinh x: Double) -> (value: Double, pullback: (Double) -> Double) {
  (sinh(x), { d in d * cosh(x) })
}
/// The rule for `sinh(x)` on `Float`: `d/dx sinh x = cosh x`, defined everywhere (see the `Double` rule).
@inlinable
public func _vjp(sinh x: Float) -> (value: Float, pullback: (Float) -> Float) {
  (sinh(x), { d in d * cosh(x) })
}

/// The rule for `cosh(x)`.
///
/// ```
/// d/dx cosh x = sinh x
/// ```
///
/// Defined everywhere; `sinh x` is computed in the pullback. `cosh'(0) = 0` exactly.
///
/// See also: `_vjp(sinh:)`.
@inlinable
public func _vjp(cosh x: Double) -> (value: Double, pullback: (Double) -> Double) {
  (cosh(x), { d in d * sinh(x) })
}
/// The rule for `cosh(x)` on `Float`: `d/dx cosh x = sinh x`, defined everywhere (see the `Double` rule).
@inlinable
public func _vjp(cosh x: Float) -> (value: Float, pullback: (Float) -> Float) {
  (cosh(x), { d in d * sinh(x) })
}

/// The rule for `tanh(x)`.
///
/// ```
/// d/dx tanh x = 1 - tanh² x
/// ```
///
/// Defined everywhere. The pullback reuses the value. For large `|x|`, where `tanh x` rounds to
/// `±1`, the gradient is exactly `0`.
///
/// See also: `_vjp(sinh:)`, `_vjp(cosh:)`.
@inlinable
public func _vjp(tanh x: Double) -> (value: Double, pullback: (Double) -> Double) {
  let v = tanh(x)
  return (v, { d in d * (1 - v * v) })
}
/// The rule for `tanh(x)` on `Float`: `d/dx tanh x = 1 - tanh² x`, defined everywhere (see the `Double` rule).
@inlinable
public func _vjp(tanh x: Float) -> (value: Float, pullback: (Float) -> Float) {
  let v = tanh(x)
  return (v, { d in d * (1 - v * v) })
}
