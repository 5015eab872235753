// The scalar protocol of forward mode and of second derivatives: a binary floating-point type
// with the elementary functions of the C math library.
//
// Swift's standard library gives generic code arithmetic and `squareRoot()` but no `sin` or
// `exp`: those are concrete `Double`/`Float` functions of Glibc and Darwin. A function written
// generic over `T: ElementaryFloatingPoint` can call `sin(x)`, `exp(x)`, `pow(x, y)` ... on `T`
// (through the free functions of the ZygoteMath module), and can then be evaluated on `Dual<Double>` as well as on
// `Double`: that is what forward mode (`#pushforward`), Hessians (`#hessian`) and nested
// derivatives run on.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A binary floating-point scalar with the elementary functions: `Double`, `Float` and
/// ``Dual`` (of any of them, nested too).
///
/// Write a function generic over it to take forward-mode derivatives, Hessians and nested
/// derivatives of it:
///
/// ```swift
/// import ZygoteMath   // Zygote, and sin, exp, ... on generic scalars
///
/// @Differentiable
/// func f<T: ElementaryFloatingPoint>(_ x: T) -> T { sin(x) * x }
/// #hessian(f, at: 1.0)   // f''(1) = 2 cos 1 - sin 1
/// ```
///
/// The requirements are underscored: `import ZygoteMath` and call the free functions `sin(x)`,
/// `exp(x)`, ... instead (they are a module of their own because they slow type checking).
///
/// A conforming scalar is ``Differentiable`` and its own tangent, so `#derivative` and
/// `#gradient` accept it in code generic over it (a nested derivative in a generic function).
public protocol ElementaryFloatingPoint: BinaryFloatingPoint, Differentiable, TangentVector, DerivativeDropping, Sendable where Tangent == Self {
  /// `eˣ`
  static func _elementaryExp(_ x: Self) -> Self
  /// `2ˣ`
  static func _elementaryExp2(_ x: Self) -> Self
  /// `eˣ - 1`, accurate near `0`.
  static func _elementaryExpm1(_ x: Self) -> Self
  /// `ln x`
  static func _elementaryLog(_ x: Self) -> Self
  /// `log₂ x`
  static func _elementaryLog2(_ x: Self) -> Self
  /// `log₁₀ x`
  static func _elementaryLog10(_ x: Self) -> Self
  /// `ln(1 + x)`, accurate near `0`.
  static func _elementaryLog1p(_ x: Self) -> Self
  /// `xʸ`
  static func _elementaryPow(_ x: Self, _ y: Self) -> Self
  /// `sin x`
  static func _elementarySin(_ x: Self) -> Self
  /// `cos x`
  static func _elementaryCos(_ x: Self) -> Self
  /// `tan x`
  static func _elementaryTan(_ x: Self) -> Self
  /// `asin x`
  static func _elementaryAsin(_ x: Self) -> Self
  /// `acos x`
  static func _elementaryAcos(_ x: Self) -> Self
  /// `atan x`
  static func _elementaryAtan(_ x: Self) -> Self
  /// `atan2(y, x)`, the angle of the point `(x, y)`.
  static func _elementaryAtan2(_ y: Self, _ x: Self) -> Self
  /// `√(x² + y²)` without intermediate overflow.
  static func _elementaryHypot(_ x: Self, _ y: Self) -> Self
  /// `sinh x`
  static func _elementarySinh(_ x: Self) -> Self
  /// `cosh x`
  static func _elementaryCosh(_ x: Self) -> Self
  /// `tanh x`
  static func _elementaryTanh(_ x: Self) -> Self
  /// Whether the value is zero in every part (for a ``Dual``: its value and its derivative).
  ///
  /// Rules that return an exact zero where a local derivative is zero (the kink conventions)
  /// test this instead of `== 0`, which compares values only: a dual number whose value is zero
  /// but whose derivative is not must still carry its derivative into a second derivative.
  var _isExactlyZero: Bool { get }
}

extension Double: ElementaryFloatingPoint {
  /// `exp(x)`
  @inlinable @inline(__always) public static func _elementaryExp(_ x: Double) -> Double { exp(x) }
  /// `exp2(x)`
  @inlinable @inline(__always) public static func _elementaryExp2(_ x: Double) -> Double { exp2(x) }
  /// `expm1(x)`
  @inlinable @inline(__always) public static func _elementaryExpm1(_ x: Double) -> Double { expm1(x) }
  /// `log(x)`
  @inlinable @inline(__always) public static func _elementaryLog(_ x: Double) -> Double { log(x) }
  /// `log2(x)`
  @inlinable @inline(__always) public static func _elementaryLog2(_ x: Double) -> Double { log2(x) }
  /// `log10(x)`
  @inlinable @inline(__always) public static func _elementaryLog10(_ x: Double) -> Double { log10(x) }
  /// `log1p(x)`
  @inlinable @inline(__always) public static func _elementaryLog1p(_ x: Double) -> Double { log1p(x) }
  /// `pow(x, y)`
  @inlinable @inline(__always) public static func _elementaryPow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
  /// `sin(x)`
  @inlinable @inline(__always) public static func _elementarySin(_ x: Double) -> Double { sin(x) }
  /// `cos(x)`
  @inlinable @inline(__always) public static func _elementaryCos(_ x: Double) -> Double { cos(x) }
  /// `tan(x)`
  @inlinable @inline(__always) public static func _elementaryTan(_ x: Double) -> Double { tan(x) }
  /// `asin(x)`
  @inlinable @inline(__always) public static func _elementaryAsin(_ x: Double) -> Double { asin(x) }
  /// `acos(x)`
  @inlinable @inline(__always) public static func _elementaryAcos(_ x: Double) -> Double { acos(x) }
  /// `atan(x)`
  @inlinable @inline(__always) public static func _elementaryAtan(_ x: Double) -> Double { atan(x) }
  /// `atan2(y, x)`
  @inlinable @inline(__always) public static func _elementaryAtan2(_ y: Double, _ x: Double) -> Double { atan2(y, x) }
  /// `hypot(x, y)`
  @inlinable @inline(__always) public static func _elementaryHypot(_ x: Double, _ y: Double) -> Double { hypot(x, y) }
  /// `sinh(x)`
  @inlinable @inline(__always) public static func _elementarySinh(_ x: Double) -> Double { sinh(x) }
  /// `cosh(x)`
  @inlinable @inline(__always) public static func _elementaryCosh(_ x: Double) -> Double { cosh(x) }
  /// `tanh(x)`
  @inlinable @inline(__always) public static func _elementaryTanh(_ x: Double) -> Double { tanh(x) }
  /// `self == 0`
  @inlinable public var _isExactlyZero: Bool { self == 0 }
}

extension Float: ElementaryFloatingPoint {
  /// `exp(x)`
  @inlinable @inline(__always) public static func _elementaryExp(_ x: Float) -> Float { exp(x) }
  /// `exp2(x)`
  @inlinable @inline(__always) public static func _elementaryExp2(_ x: Float) -> Float { exp2(x) }
  /// `expm1(x)`
  @inlinable @inline(__always) public static func _elementaryExpm1(_ x: Float) -> Float { expm1(x) }
  /// `log(x)`
  @inlinable @inline(__always) public static func _elementaryLog(_ x: Float) -> Float { log(x) }
  /// `log2(x)`
  @inlinable @inline(__always) public static func _elementaryLog2(_ x: Float) -> Float { log2(x) }
  /// `log10(x)`
  @inlinable @inline(__always) public static func _elementaryLog10(_ x: Float) -> Float { log10(x) }
  /// `log1p(x)`
  @inlinable @inline(__always) public static func _elementaryLog1p(_ x: Float) -> Float { log1p(x) }
  /// `pow(x, y)`
  @inlinable @inline(__always) public static func _elementaryPow(_ x: Float, _ y: Float) -> Float { pow(x, y) }
  /// `sin(x)`
  @inlinable @inline(__always) public static func _elementarySin(_ x: Float) -> Float { sin(x) }
  /// `cos(x)`
  @inlinable @inline(__always) public static func _elementaryCos(_ x: Float) -> Float { cos(x) }
  /// `tan(x)`
  @inlinable @inline(__always) public static func _elementaryTan(_ x: Float) -> Float { tan(x) }
  /// `asin(x)`
  @inlinable @inline(__always) public static func _elementaryAsin(_ x: Float) -> Float { asin(x) }
  /// `acos(x)`
  @inlinable @inline(__always) public static func _elementaryAcos(_ x: Float) -> Float { acos(x) }
  /// `atan(x)`
  @inlinable @inline(__always) public static func _elementaryAtan(_ x: Float) -> Float { atan(x) }
  /// `atan2(y, x)`
  @inlinable @inline(__always) public static func _elementaryAtan2(_ y: Float, _ x: Float) -> Float { atan2(y, x) }
  /// `hypot(x, y)`
  @inlinable @inline(__always) public static func _elementaryHypot(_ x: Float, _ y: Float) -> Float { hypot(x, y) }
  /// `sinh(x)`
  @inlinable @inline(__always) public static func _elementarySinh(_ x: Float) -> Float { sinh(x) }
  /// `cosh(x)`
  @inlinable @inline(__always) public static func _elementaryCosh(_ x: Float) -> Float { cosh(x) }
  /// `tanh(x)`
  @inlinable @inline(__always) public static func _elementaryTanh(_ x: Float) -> Float { tanh(x) }
  /// `self == 0`
  @inlinable public var _isExactlyZero: Bool { self == 0 }
}
