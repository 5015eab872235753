// Slices of differentiable arrays. A slice keeps the indices of the array it came from (the
// slice `xs[2..<5]` starts at index 2), and so does its gradient: element `i` of the slice's
// gradient is the gradient of `xs[i]`, so it adds back into the array's gradient in place.

extension ArraySlice: Differentiable where Element: Differentiable {
  /// A slice of the elements' tangents with the same indices.
  public typealias Tangent = ArraySlice<Element.Tangent>

  /// Zeros at the same indices.
  @inlinable public var zeroTangent: ArraySlice<Element.Tangent> {
    guard let first = self.first else { return [] }
    let zero = first.zeroTangent
    return Array(repeating: zero, count: endIndex)[startIndex..<endIndex]
  }
}

extension ArraySlice: TangentVector where Element: TangentVector {
  /// Adds `other` index by index. An empty slice is a zero at any indices.
  @inlinable public mutating func accumulate(_ other: ArraySlice<Element>) {
    if other.isEmpty { return }
    if isEmpty {
      self = other
      return
    }
    precondition(indices == other.indices, "adding gradients of slices with different indices (\(indices) and \(other.indices))")
    for index in indices { self[index].accumulate(other[index]) }
  }
}

/// Adds the gradient of a slice `xs[range]` into the array's gradient, at the slice's indices.
@inlinable
public func _accumulate<R: RangeExpression, Element: TangentVector>(_ sum: inout [Element], at range: R, _ gradient: ArraySlice<Element>) where R.Bound == Int {
  for index in gradient.indices { sum[index].accumulate(gradient[index]) }
}

/// Adds the gradient of a slice `xs[range]` into the array's gradient, at the slice's indices.
@inlinable
public func _accumulate<R: RangeExpression>(_ sum: inout [Double], at range: R, _ gradient: ArraySlice<Double>) where R.Bound == Int {
  for index in gradient.indices { sum[index] += gradient[index] }
}

/// Adds `gradient` into element `index` of a slice's gradient.
@inlinable @inline(__always)
public func _accumulate<Element: TangentVector>(_ sum: inout ArraySlice<Element>, at index: Int, _ gradient: Element) {
  sum[index].accumulate(gradient)
}

/// Adds `gradient` into element `index` of a slice's gradient.
@inlinable @inline(__always)
public func _accumulate(_ sum: inout ArraySlice<Double>, at index: Int, _ gradient: Double) { sum[index] += gradient }

/// The rule for `Array(slice)`: element `k` of the array's gradient is the gradient of the
/// slice's element at its `k`-th index.
@inlinable
public func _vjp<Element: Differentiable>(Array slice: ArraySlice<Element>) -> (value: [Element], pullback: ([Element.Tangent]) -> ArraySlice<Element.Tangent>) {
  (Array(slice), { gradient in
    var result = slice.zeroTangent
    if gradient.isEmpty { return result }
    for (offset, index) in slice.indices.enumerated() { result[index] = gradient[offset] }
    return result
  })
}
