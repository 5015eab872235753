// Entry points of generated code for arrays of a generic scalar (`x: [T]` in a function generic
// over `T: ElementaryFloatingPoint`), which Hessians and Jacobians of array functions need.
// `T` is not known to be `Differentiable` there, so the `Differentiable` overloads do not apply;
// and for `[Dual<U>]` both the generic-scalar and the `Differentiable` overloads would, so the
// most specific overloads for dual arrays settle it.

/// Zeros of the same count, for an array of a generic floating-point scalar.
@inlinable @inline(__always)
public func _zeroTangent<T: FloatingPoint>(like value: [T]) -> [T] { [T](repeating: 0, count: value.count) }
/// Zeros of the same count, for an array of dual numbers.
@inlinable @inline(__always)
public func _zeroTangent<T>(like value: [Dual<T>]) -> [Dual<T>] { [Dual<T>](repeating: 0, count: value.count) }

/// Adds `gradient` into element `index`, for an array of a generic floating-point scalar.
@inlinable @inline(__always)
public func _accumulate<T: FloatingPoint>(_ sum: inout [T], at index: Int, _ gradient: T) { sum[index] += gradient }
/// Adds `gradient` into element `index`, for an array of dual numbers.
@inlinable @inline(__always)
public func _accumulate<T>(_ sum: inout [Dual<T>], at index: Int, _ gradient: Dual<T>) { sum[index] += gradient }

/// Adds `gradient` into `sum` element by element (an empty array is a zero of any count).
@inlinable
public func _accumulate<T: FloatingPoint>(_ sum: inout [T], _ gradient: [T]) { _addArrays(&sum, gradient) }
/// Adds `gradient` into `sum` element by element (settles `[Double]`, which is both an array of
/// a floating-point scalar and a ``TangentVector``).
@inlinable
public func _accumulate(_ sum: inout [Double], _ gradient: [Double]) { _addArrays(&sum, gradient) }
/// Adds `gradient` into `sum` element by element.
@inlinable
public func _accumulate(_ sum: inout [Float], _ gradient: [Float]) { _addArrays(&sum, gradient) }
/// Adds `gradient` into `sum` element by element, for arrays of dual numbers.
@inlinable
public func _accumulate<T>(_ sum: inout [Dual<T>], _ gradient: [Dual<T>]) { _addArrays(&sum, gradient) }

/// `sum += gradient` element by element; an empty array is a zero of any count.
@inlinable
public func _addArrays<T: FloatingPoint>(_ sum: inout [T], _ gradient: [T]) {
  if gradient.isEmpty { return }
  if sum.isEmpty {
    sum = gradient
    return
  }
  precondition(sum.count == gradient.count, "adding gradients of arrays of different counts (\(sum.count) and \(gradient.count))")
  for index in sum.indices { sum[index] += gradient[index] }
}

// Closure literals are never generic, so only dual numbers need their own typing helper
// (`Dual` is both FloatingPoint and Differentiable).
/// Types a generated pullback closure by the array of dual numbers it belongs to.
@inlinable @inline(__always)
public func _pullbackClosure<T, G>(like value: [Dual<T>], _ pullback: @escaping ([Dual<T>]) -> G) -> ([Dual<T>]) -> G {
  pullback
}
/// Types a generated pullback closure by the dual number it belongs to.
@inlinable @inline(__always)
public func _pullbackClosure<T, G>(like value: Dual<T>, _ pullback: @escaping (Dual<T>) -> G) -> (Dual<T>) -> G {
  pullback
}
