// Rules for reductions. Whole-tensor reductions return a Scalar, so their pullbacks take a
// Scalar gradient `g`; axis reductions keep the axis (extent 1), so their gradient broadcasts
// straight back. The axis argument is an Int: its tangent is `NoTangent`.

extension Tensor {
  /// Rule for `t.sum()`: `∂t = g · 1` (every scalar receives `g`).
  @inlinable public func _vjpm(sum _: Void) -> (value: Scalar, pullback: (Scalar) -> Tensor) {
    let shape = _shape
    return (sum(), { g in Tensor(shape: shape, repeating: g) })
  }

  /// Rule for `t.mean()`: `∂t = (g / n) · 1`.
  @inlinable public func _vjpm(mean _: Void) -> (value: Scalar, pullback: (Scalar) -> Tensor) {
    let shape = _shape
    let n = Scalar(scalarCount)
    return (mean(), { g in Tensor(shape: shape, repeating: g / n) })
  }

  /// Rule for `t.max()`: `g` flows to the (first) position of the maximum; 0 elsewhere.
  @inlinable public func _vjpm(max _: Void) -> (value: Scalar, pullback: (Scalar) -> Tensor) {
    let position = argmax()
    let shape = _shape
    return (
      withUnsafeBufferPointer { $0[position] },
      { g in
        var result = Tensor.zeros(shape: shape)
        result.withUnsafeMutableBufferPointer { $0[position] = g }
        return result
      }
    )
  }

  /// Rule for `t.min()`: `g` flows to the (first) position of the minimum; 0 elsewhere.
  @inlinable public func _vjpm(min _: Void) -> (value: Scalar, pullback: (Scalar) -> Tensor) {
    let position = (-self).argmax()
    let shape = _shape
    return (
      withUnsafeBufferPointer { $0[position] },
      { g in
        var result = Tensor.zeros(shape: shape)
        result.withUnsafeMutableBufferPointer { $0[position] = g }
        return result
      }
    )
  }

  /// Rule for `t.sum(alongAxis: a)`: `∂t = broadcast(g)` back to `t`'s shape.
  @inlinable public func _vjpm(sum axis: Int) -> (value: Tensor, pullback: (Tensor) -> (Tensor, NoTangent)) {
    let shape = _shape
    return (sum(alongAxis: axis), { g in (g.broadcast(to: shape), NoTangent()) })
  }

  /// Rule for `t.mean(alongAxis: a)`: `∂t = broadcast(g) / extent(a)`.
  @inlinable public func _vjpm(mean axis: Int) -> (value: Tensor, pullback: (Tensor) -> (Tensor, NoTangent)) {
    let shape = _shape
    let extent = Scalar(_shape[_axis(axis)])
    return (mean(alongAxis: axis), { g in (g.broadcast(to: shape) / extent, NoTangent()) })
  }

  /// Rule for `t.max(alongAxis: a)`: each slice's `g` flows to the (first) position of its
  /// maximum; 0 elsewhere.
  @inlinable public func _vjpm(max axis: Int) -> (value: Tensor, pullback: (Tensor) -> (Tensor, NoTangent)) {
    let (values, positions) = _argmax(alongAxis: _axis(axis))
    let shape = _shape
    return (
      values,
      { g in
        var result = Tensor.zeros(shape: shape)
        g.withUnsafeBufferPointer { gs in
          result.withUnsafeMutableBufferPointer { out in
            for (i, p) in positions.enumerated() { out[p] += gs[i] }
          }
        }
        return (result, NoTangent())
      }
    )
  }
}
