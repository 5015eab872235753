// Arrays of differentiable values are differentiable; their gradients are arrays of the same
// count. Generated code reads and writes single elements of the gradient in constant time, so a
// loop over an array costs O(n) in the backward pass, not O(n²).

extension Array: Differentiable where Element: Differentiable {
  /// An array of the elements' tangents, of the same count.
  public typealias Tangent = [Element.Tangent]

  /// Zeros of the same count.
  @inlinable public var zeroTangent: [Element.Tangent] { map(\.zeroTangent) }
}

extension Array: TangentVector where Element: TangentVector {
  /// Adds `other` element by element. An empty array is a zero of any count.
  @inlinable public mutating func accumulate(_ other: [Element]) {
    if other.isEmpty { return }
    if isEmpty {
      self = other
      return
    }
    precondition(count == other.count, "adding gradients of arrays of different counts (\(count) and \(other.count))")
    for index in indices { self[index].accumulate(other[index]) }
  }
}

/// Adds `gradient` into element `index` of an array's gradient. Used by generated code for every
/// differentiated `xs[i]`.
@inlinable @inline(__always)
public func _accumulate(_ sum: inout [Double], at index: Int, _ gradient: Double) { sum[index] += gradient }
/// Adds `gradient` into element `index` of an array's gradient.
@inlinable @inline(__always)
public func _accumulate(_ sum: inout [Float], at index: Int, _ gradient: Float) { sum[index] += gradient }
/// Adds `gradient` into element `index` of an array's gradient, for any tangent element.
@inlinable @inline(__always)
public func _accumulate<T: TangentVector>(_ sum: inout [T], at index: Int, _ gradient: T) { sum[index].accumulate(gradient) }

/// Zeros of the same count (a faster path than the generic element-by-element zero).
@inlinable @inline(__always)
public func _zeroTangent(like value: [Double]) -> [Double] { [Double](repeating: 0, count: value.count) }
/// Zeros of the same count.
@inlinable @inline(__always)
public func _zeroTangent(like value: [Float]) -> [Float] { [Float](repeating: 0, count: value.count) }
