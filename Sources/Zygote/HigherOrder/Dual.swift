// A dual number: a value and its derivative along one direction. Evaluating a function on dual
// numbers is forward-mode differentiation (each operation applies its JVP rule, see
// Dual+Elementary.swift); evaluating a generated pullback on them is forward over reverse, which
// is how `#hessian` and `#hessianVectorProduct` work.

/// A value `value + derivative·ε` with `ε² = 0`: forward-mode automatic differentiation.
///
/// ```swift
/// func f<T: ElementaryFloatingPoint>(_ x: T) -> T { x * sin(x) }
/// let y = f(Dual(3.0, derivative: 1))
/// y.value        // f(3)
/// y.derivative   // f'(3) = sin 3 + 3 cos 3
/// ```
///
/// `Dual` is a ``ElementaryFloatingPoint`` itself, so any function generic over
/// `BinaryFloatingPoint` or ``ElementaryFloatingPoint`` runs on it, and duals nest
/// (`Dual<Dual<Double>>` carries second derivatives). Comparisons, hashing and rounding look at
/// the value only, so branches take the same path as on plain numbers.
///
/// Its tangent (``Differentiable``) is `Dual` itself: a generated pullback evaluated on dual
/// numbers returns dual gradients, whose derivatives are the directional derivative of the
/// gradient (a Hessian-vector product).
@frozen
public struct Dual<T: ElementaryFloatingPoint>: Sendable {
  /// The value.
  public var value: T
  /// The derivative along the seeded direction.
  public var derivative: T

  /// A dual number with a value and a derivative.
  @inlinable @inline(__always)
  public init(_ value: T, derivative: T) {
    self.value = value
    self.derivative = derivative
  }

  /// A constant: the derivative is zero.
  @inlinable @inline(__always)
  public init(constant value: T) {
    self.value = value
    self.derivative = 0
  }
}

extension Dual: CustomStringConvertible {
  /// `value + derivative·ε`
  public var description: String { "\(value) + \(derivative)ε" }
}

// MARK: - Arithmetic (the JVP rules of the operators)

extension Dual {
  /// `(a + a'ε) + (b + b'ε) = (a + b) + (a' + b')ε`
  @inlinable @inline(__always)
  public static func + (lhs: Dual, rhs: Dual) -> Dual { Dual(lhs.value + rhs.value, derivative: lhs.derivative + rhs.derivative) }
  /// `(a + a'ε) - (b + b'ε) = (a - b) + (a' - b')ε`
  @inlinable @inline(__always)
  public static func - (lhs: Dual, rhs: Dual) -> Dual { Dual(lhs.value - rhs.value, derivative: lhs.derivative - rhs.derivative) }
  /// The product rule: `(a + a'ε)(b + b'ε) = ab + (a'b + ab')ε`
  @inlinable @inline(__always)
  public static func * (lhs: Dual, rhs: Dual) -> Dual {
    Dual(lhs.value * rhs.value, derivative: lhs.derivative * rhs.value + lhs.value * rhs.derivative)
  }
  /// The quotient rule: `(a + a'ε) / (b + b'ε) = a/b + (a' - (a/b) b')/b ε`
  @inlinable @inline(__always)
  public static func / (lhs: Dual, rhs: Dual) -> Dual {
    let q = lhs.value / rhs.value
    return Dual(q, derivative: (lhs.derivative - q * rhs.derivative) / rhs.value)
  }
  /// `-(a + a'ε) = -a - a'ε`
  @inlinable @inline(__always)
  public static prefix func - (x: Dual) -> Dual { Dual(-x.value, derivative: -x.derivative) }
  /// `lhs = lhs + rhs`
  @inlinable @inline(__always)
  public static func += (lhs: inout Dual, rhs: Dual) { lhs = lhs + rhs }
  /// `lhs = lhs - rhs`
  @inlinable @inline(__always)
  public static func -= (lhs: inout Dual, rhs: Dual) { lhs = lhs - rhs }
  /// `lhs = lhs * rhs`
  @inlinable @inline(__always)
  public static func *= (lhs: inout Dual, rhs: Dual) { lhs = lhs * rhs }
  /// `lhs = lhs / rhs`
  @inlinable @inline(__always)
  public static func /= (lhs: inout Dual, rhs: Dual) { lhs = lhs / rhs }
}

// MARK: - Differentiable: the tangent of a dual number is a dual number

extension Dual: Differentiable, TangentVector {
  /// A dual number's gradient is a dual number.
  public typealias Tangent = Dual
  /// `0 + 0ε`
  @inlinable public var zeroTangent: Dual { Dual(0, derivative: 0) }
  /// `self += other`
  @inlinable public mutating func accumulate(_ other: Dual) { self += other }
}

// Dual is both FloatingPoint and Differentiable, so the generic entry points of generated code
// would be ambiguous for it; these more specific overloads settle it.

/// The zero gradient at a dual number.
@inlinable @inline(__always)
public func _zeroTangent<T>(like value: Dual<T>) -> Dual<T> { Dual(0, derivative: 0) }
/// Adds a dual gradient into an accumulator.
@inlinable @inline(__always)
public func _accumulate<T>(_ sum: inout Dual<T>, _ gradient: Dual<T>) { sum += gradient }
