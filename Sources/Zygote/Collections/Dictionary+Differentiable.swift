// A dictionary of differentiable values is differentiable; its gradient is a dictionary that
// holds the keys that were read (a key that was never read has a zero gradient, and is absent).

extension Dictionary: Differentiable where Value: Differentiable {
  /// A dictionary of the values' tangents, holding only the keys that received a gradient.
  public typealias Tangent = [Key: Value.Tangent]

  /// The empty dictionary: every key's gradient is zero.
  @inlinable public var zeroTangent: [Key: Value.Tangent] { [:] }
}

extension Dictionary: TangentVector where Value: TangentVector {
  /// Adds `other` key by key; a key absent on one side counts as zero there.
  @inlinable public mutating func accumulate(_ other: [Key: Value]) {
    for (key, gradient) in other {
      if self[key] == nil {
        self[key] = gradient
      } else {
        self[key]!.accumulate(gradient)
      }
    }
  }
}

/// Adds `gradient` into the gradient of `dictionary[key]`. Generated code calls this for every
/// differentiated `d[k]!`, `d[k] ?? e` and `d[k, default: e]`.
@inlinable @inline(__always)
public func _accumulate<Key: Hashable, Value: TangentVector>(_ sum: inout [Key: Value], at key: Key, _ gradient: Value?) {
  guard let gradient else { return }
  if sum[key] == nil {
    sum[key] = gradient
  } else {
    sum[key]!.accumulate(gradient)
  }
}

/// The gradient stored for `key`, zero when there is none: what flows into the value of a store
/// `d[k] = e` in the backward pass.
@inlinable @inline(__always)
public func _elementGradient<Key: Hashable, Value: AdditiveArithmetic>(_ gradient: [Key: Value], at key: Key) -> Value {
  gradient[key] ?? .zero
}

/// The gradient of element `index` of an array: what flows into the value of a store `xs[i] = e`.
@inlinable @inline(__always)
public func _elementGradient<Element>(_ gradient: [Element], at index: Int) -> Element {
  gradient[index]
}
