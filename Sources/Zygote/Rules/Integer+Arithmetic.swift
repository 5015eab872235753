// Integers carry no derivative, but generated code may still route integer arithmetic through
// rules: a free variable (a global that might be an implicit parameter) is read through
// `_vjp(implicit:)`, and what is computed from it goes through the rules of its operations.
// These rules compute the value and return empty gradients.

/// `x + y` on integers: no derivative.
@inlinable @inline(__always)
public func _vjp<T: BinaryInteger>(__add x: T, _ y: T) -> (value: T, pullback: (NoTangent) -> (NoTangent, NoTangent)) {
  (x + y, { _ in (NoTangent(), NoTangent()) })
}
/// `x - y` on integers: no derivative.
@inlinable @inline(__always)
public func _vjp<T: BinaryInteger>(__subtract x: T, _ y: T) -> (value: T, pullback: (NoTangent) -> (NoTangent, NoTangent)) {
  (x - y, { _ in (NoTangent(), NoTangent()) })
}
/// `x * y` on integers: no derivative.
@inlinable @inline(__always)
public func _vjp<T: BinaryInteger>(__multiply x: T, _ y: T) -> (value: T, pullback: (NoTangent) -> (NoTangent, NoTangent)) {
  (x * y, { _ in (NoTangent(), NoTangent()) })
}
/// `x / y` on integers: no derivative.
@inlinable @inline(__always)
public func _vjp<T: BinaryInteger>(__divide x: T, _ y: T) -> (value: T, pullback: (NoTangent) -> (NoTangent, NoTangent)) {
  (x / y, { _ in (NoTangent(), NoTangent()) })
}
/// `-x` on integers: no derivative.
@inlinable @inline(__always)
public func _vjp<T: BinaryInteger & SignedNumeric>(__negate x: T) -> (value: T, pullback: (NoTangent) -> NoTangent) {
  (-x, { _ in NoTangent() })
}
/// `Double(n)` of an integer: no derivative.
@inlinable @inline(__always)
public func _vjp<T: BinaryInteger>(Double x: T) -> (value: Double, pullback: (Double) -> NoTangent) {
  (Double(x), { _ in NoTangent() })
}
/// `Float(n)` of an integer: no derivative.
@inlinable @inline(__always)
public func _vjp<T: BinaryInteger>(Float x: T) -> (value: Float, pullback: (Float) -> NoTangent) {
  (Float(x), { _ in NoTangent() })
}
