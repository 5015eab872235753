// The tangent algebra every generated gradient relies on: a type that can be differentiated
// names its tangent type, can produce a zero tangent at a point, and tangents accumulate.

/// A value that a tangent (a gradient) can be taken with respect to.
///
/// Scalars (`Double`, `Float`) are their own tangents. `[Double]` has `[Double]` tangents of the same
/// count. A struct marked `@DifferentiableStruct` gets a `Tangent` struct with the same stored
/// property names. Integers, `Bool` and `String` conform with ``NoTangent``, so that code which
/// mixes them with differentiable values type-checks; their gradient is always empty.
public protocol Differentiable {
  /// The type of this value's gradients.
  associatedtype Tangent: TangentVector
  /// The zero gradient at this value (for an array: zeros of the same count).
  var zeroTangent: Tangent { get }
}

/// A gradient: it can be added into another gradient of the same type.
///
/// Addition is not spelled `+` here because `+` on arrays concatenates.
public protocol TangentVector {
  /// Adds `other` into `self`.
  mutating func accumulate(_ other: Self)
}

/// The tangent of a value that has no derivative (integers, `Bool`, `String`, a type's metatype).
public struct NoTangent: TangentVector, Equatable, Sendable, CustomStringConvertible {
  /// The only value.
  @inlinable public init() {}
  /// Does nothing: there is nothing to add.
  @inlinable public mutating func accumulate(_ other: NoTangent) {}
  /// `NoTangent()`
  public var description: String { "NoTangent()" }
}

extension Double: Differentiable, TangentVector {
  /// `0`
  @inlinable public var zeroTangent: Double { 0 }
  /// `self += other`
  @inlinable public mutating func accumulate(_ other: Double) { self += other }
}

extension Float: Differentiable, TangentVector {
  /// `0`
  @inlinable public var zeroTangent: Float { 0 }
  /// `self += other`
  @inlinable public mutating func accumulate(_ other: Float) { self += other }
}

extension Int: Differentiable {
  /// ``NoTangent``: integers have no derivative.
  @inlinable public var zeroTangent: NoTangent { NoTangent() }
}
extension Int32: Differentiable {
  /// ``NoTangent``: integers have no derivative.
  @inlinable public var zeroTangent: NoTangent { NoTangent() }
}
extension Int64: Differentiable {
  /// ``NoTangent``: integers have no derivative.
  @inlinable public var zeroTangent: NoTangent { NoTangent() }
}
extension UInt: Differentiable {
  /// ``NoTangent``: integers have no derivative.
  @inlinable public var zeroTangent: NoTangent { NoTangent() }
}
extension Bool: Differentiable {
  /// ``NoTangent``: Booleans have no derivative.
  @inlinable public var zeroTangent: NoTangent { NoTangent() }
}
extension String: Differentiable {
  /// ``NoTangent``: strings have no derivative.
  @inlinable public var zeroTangent: NoTangent { NoTangent() }
}

// MARK: - Entry points of generated code
// The macro does not know types, so generated code calls these overloaded functions and lets the
// type checker pick. Concrete Double and Float overloads exist so that a type that is both
// FloatingPoint and Differentiable is never ambiguous.

/// The zero gradient at `value`. Used by generated code to start an adjoint accumulator.
@inlinable @inline(__always)
public func _zeroTangent(like value: Double) -> Double { 0 }
/// The zero gradient at `value`.
@inlinable @inline(__always)
public func _zeroTangent(like value: Float) -> Float { 0 }
/// The zero gradient at `value`, for a generic floating-point scalar.
@inlinable @inline(__always)
public func _zeroTangent<T: FloatingPoint>(like value: T) -> T { 0 }
/// The zero gradient at `value`, for any ``Differentiable`` value.
@inlinable @inline(__always)
public func _zeroTangent<T: Differentiable>(like value: T) -> T.Tangent { value.zeroTangent }

/// Adds `gradient` into the accumulator `sum`. Used by generated code for every adjoint update.
@inlinable @inline(__always)
public func _accumulate(_ sum: inout Double, _ gradient: Double) { sum += gradient }
/// Adds `gradient` into the accumulator `sum`.
@inlinable @inline(__always)
public func _accumulate(_ sum: inout Float, _ gradient: Float) { sum += gradient }
/// Adds `gradient` into `sum`, for a generic floating-point scalar.
@inlinable @inline(__always)
public func _accumulate<T: FloatingPoint>(_ sum: inout T, _ gradient: T) { sum += gradient }
/// Adds `gradient` into `sum`, for any ``TangentVector``.
@inlinable @inline(__always)
public func _accumulate<T: TangentVector>(_ sum: inout T, _ gradient: T) { sum.accumulate(gradient) }
