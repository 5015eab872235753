// Entry points of generated code for functions generic over their tensor scalar
// (`func f<S: TensorScalar>(_ x: Tensor<S>) -> S`), which also handle plain `S` values: a loss,
// a scalar operand, an array of scalars. `S` is both `FloatingPoint` and `Differentiable`, so the
// general overloads for each are ambiguous for it; these are more specific than both. A scalar
// constrained to `TensorScalar & ElementaryFloatingPoint` matches the overloads for each protocol
// equally well, so it has its own.

/// The zero gradient at a generic tensor scalar.
@inlinable @inline(__always)
public func _zeroTangent<T: TensorScalar>(like value: T) -> T { 0 }
/// Adds a gradient into an accumulator of a generic tensor scalar.
@inlinable @inline(__always)
public func _accumulate<T: TensorScalar>(_ sum: inout T, _ gradient: T) { sum += gradient }
/// Zeros of the same count, for an array of a generic tensor scalar.
@inlinable @inline(__always)
public func _zeroTangent<T: TensorScalar>(like value: [T]) -> [T] { [T](repeating: 0, count: value.count) }
/// Adds `gradient` into element `index`, for an array of a generic tensor scalar.
@inlinable @inline(__always)
public func _accumulate<T: TensorScalar>(_ sum: inout [T], at index: Int, _ gradient: T) { sum[index] += gradient }
/// Adds `gradient` into `sum` element by element, for arrays of a generic tensor scalar.
@inlinable
public func _accumulate<T: TensorScalar>(_ sum: inout [T], _ gradient: [T]) { _addArrays(&sum, gradient) }
/// Rule for reading a generic tensor scalar from a free variable: the pullback does nothing.
@inlinable
public func _vjp<T: TensorScalar>(implicit value: T) -> (value: T, pullback: (T) -> Void) { (value, { _ in }) }

/// The zero gradient at a scalar that is both a tensor scalar and elementary.
@inlinable @inline(__always)
public func _zeroTangent<T: TensorScalar & ElementaryFloatingPoint>(like value: T) -> T { 0 }
/// Adds a gradient into an accumulator of a scalar that is both a tensor scalar and elementary.
@inlinable @inline(__always)
public func _accumulate<T: TensorScalar & ElementaryFloatingPoint>(_ sum: inout T, _ gradient: T) { sum += gradient }
/// Zeros of the same count, for an array of a scalar that is both a tensor scalar and elementary.
@inlinable @inline(__always)
public func _zeroTangent<T: TensorScalar & ElementaryFloatingPoint>(like value: [T]) -> [T] {
  [T](repeating: 0, count: value.count)
}
/// Adds `gradient` into element `index` (both a tensor scalar and elementary).
@inlinable @inline(__always)
public func _accumulate<T: TensorScalar & ElementaryFloatingPoint>(_ sum: inout [T], at index: Int, _ gradient: T) {
  sum[index] += gradient
}
/// Adds `gradient` into `sum` element by element (both a tensor scalar and elementary).
@inlinable
public func _accumulate<T: TensorScalar & ElementaryFloatingPoint>(_ sum: inout [T], _ gradient: [T]) {
  _addArrays(&sum, gradient)
}
/// Rule for reading a scalar that is both a tensor scalar and elementary from a free variable.
@inlinable
public func _vjp<T: TensorScalar & ElementaryFloatingPoint>(implicit value: T) -> (value: T, pullback: (T) -> Void) {
  (value, { _ in })
}
