// The elementary functions as free functions on generic scalars: `sin(x)`, `exp(x)`, `pow(x, y)`
// ... for any `ElementaryFloatingPoint` (`Double`, `Float`, `Dual` of them), so that a function
// generic over its scalar reads like one written for `Double`.
//
// Why a module of its own: every free `sin` overload is a choice the type checker weighs at
// every `sin(...)` in a file, and a generic one multiplies its work on math-heavy expressions
// (measured on a 20-call expression: 12 ms without these overloads, 221 ms with them, 84 ms with
// them marked `@_disfavoredOverload`). Only files that import ZygoteMath pay that; `import Zygote`
// stays as cheap as before. The rules in Zygote call the protocol requirements directly.

@_exported import Zygote

// Concrete `Double` and `Float` calls keep resolving to the C library's functions: the type
// checker prefers a non-generic overload, and these are disfavoured besides.

/// `eˣ` for any ``ElementaryFloatingPoint`` (`Dual` included).
@_disfavoredOverload @inlinable @inline(__always) public func exp<T: ElementaryFloatingPoint>(_ x: T) -> T { T._elementaryExp(x) }
/// `2ˣ` for any ``ElementaryFloatingPoint``.
@_disfavoredOverload @inlinable @inline(__always) public func exp2<T: ElementaryFloatingPoint>(_ x: T) -> T { T._elementaryExp2(x) }
/// `eˣ - 1` for any ``ElementaryFloatingPoint``.
@_disfavoredOverload @inlinable @inline(__always) public func expm1<T: ElementaryFloatingPoint>(_ x: T) -> T { T._elementaryExpm1(x) }
/// `ln x` for any ``ElementaryFloatingPoint``.
@_disfavoredOverload @inlinable @inline(__always) public func log<T: ElementaryFloatingPoint>(_ x: T) -> T { T._elementaryLog(x) }
/// `log₂ x` for any ``ElementaryFloatingPoint``.
@_disfavoredOverload @inlinable @inline(__always) public func log2<T: ElementaryFloatingPoint>(_ x: T) -> T { T._elementaryLog2(x) }
/// `log₁₀ x` for any ``ElementaryFloatingPoint``.
@_disfavoredOverload @inlinable @inline(__always) public func log10<T: ElementaryFloatingPoint>(_ x: T) -> T { T._elementaryLog10(x) }
/// `ln(1 + x)` for any ``ElementaryFloatingPoint``.
@_disfavoredOverload @inlinable @inline(__always) public func log1p<T: ElementaryFloatingPoint>(_ x: T) -> T { T._elementaryLog1p(x) }
/// `xʸ` for any ``ElementaryFloatingPoint``.
@_disfavoredOverload @inlinable @inline(__always) public func pow<T: ElementaryFloatingPoint>(_ x: T, _ y: T) -> T { T._elementaryPow(x, y) }
/// `sin x` for any ``ElementaryFloatingPoint``.
@_disfavoredOverload @inlinable @inline(__always) public func sin<T: ElementaryFloatingPoint>(_ x: T) -> T { T._elementarySin(x) }
/// `cos x` for any ``ElementaryFloatingPoint``.
@_disfavoredOverload @inlinable @inline(__always) public func cos<T: ElementaryFloatingPoint>(_ x: T) -> T { T._elementaryCos(x) }
/// `tan x` for any ``ElementaryFloatingPoint``.
@_disfavoredOverload @inlinable @inline(__always) public func tan<T: ElementaryFloatingPoint>(_ x: T) -> T { T._elementaryTan(x) }
/// `asin x` for any ``ElementaryFloatingPoint``.
@_disfavoredOverload @inlinable @inline(__always) public func asin<T: ElementaryFloatingPoint>(_ x: T) -> T { T._elementaryAsin(x) }
/// `acos x` for any ``ElementaryFloatingPoint``.
@_disfavoredOverload @inlinable @inline(__always) public func acos<T: ElementaryFloatingPoint>(_ x: T) -> T { T._elementaryAcos(x) }
/// `atan x` for any ``ElementaryFloatingPoint``.
@_disfavoredOverload @inlinable @inline(__always) public func atan<T: ElementaryFloatingPoint>(_ x: T) -> T { T._elementaryAtan(x) }
/// `atan2(y, x)` for any ``ElementaryFloatingPoint``.
@_disfavoredOverload @inlinable @inline(__always) public func atan2<T: ElementaryFloatingPoint>(_ y: T, _ x: T) -> T { T._elementaryAtan2(y, x) }
/// `√(x² + y²)` for any ``ElementaryFloatingPoint``.
@_disfavoredOverload @inlinable @inline(__always) public func hypot<T: ElementaryFloatingPoint>(_ x: T, _ y: T) -> T { T._elementaryHypot(x, y) }
/// `sinh x` for any ``ElementaryFloatingPoint``.
@_disfavoredOverload @inlinable @inline(__always) public func sinh<T: ElementaryFloatingPoint>(_ x: T) -> T { T._elementarySinh(x) }
/// `cosh x` for any ``ElementaryFloatingPoint``.
@_disfavoredOverload @inlinable @inline(__always) public func cosh<T: ElementaryFloatingPoint>(_ x: T) -> T { T._elementaryCosh(x) }
/// `tanh x` for any ``ElementaryFloatingPoint``.
@_disfavoredOverload @inlinable @inline(__always) public func tanh<T: ElementaryFloatingPoint>(_ x: T) -> T { T._elementaryTanh(x) }
