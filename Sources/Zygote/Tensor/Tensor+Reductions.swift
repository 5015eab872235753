// Reductions over the whole tensor (returning a Scalar) and along one axis (keeping that axis
// with extent 1, as S4TF's `sum(alongAxes:)` does, so the result broadcasts against the input).
//
// Why whole-tensor reductions return `Scalar` and not a rank-0 Tensor: a loss written as
// `predict(x).sum()` is then a plain `Double`/`Float`, which every gradient entry point seeds
// with 1, prints as a number and compares with `==` to a literal. Rank-0 tensors remain
// available (`Tensor(t.sum())`), and work everywhere a tensor does.

extension Tensor {
  /// The sum of all scalars: `Σ_i x_i` (0 for an empty tensor).
  @inlinable public func sum() -> Scalar {
    withUnsafeBufferPointer { x in
      // Four partial sums: independent chains (faster) and smaller rounding error.
      var s0: Scalar = 0, s1: Scalar = 0, s2: Scalar = 0, s3: Scalar = 0
      var i = 0
      while i + 4 <= x.count {
        s0 += x[i]; s1 += x[i + 1]; s2 += x[i + 2]; s3 += x[i + 3]
        i += 4
      }
      while i < x.count { s0 += x[i]; i += 1 }
      return (s0 + s1) + (s2 + s3)
    }
  }

  /// The mean of all scalars: `(Σ_i x_i) / n` (NaN for an empty tensor).
  @inlinable public func mean() -> Scalar { sum() / Scalar(scalarCount) }

  /// The largest scalar (NaN if any scalar is NaN).
  /// - Precondition: the tensor is not empty.
  @inlinable public func max() -> Scalar {
    withUnsafeBufferPointer { x in
      precondition(!x.isEmpty, "Tensor.max: empty tensor")
      var result = x[0]
      for v in x where v > result || v.isNaN { result = v }
      return result
    }
  }

  /// The smallest scalar.
  /// - Precondition: the tensor is not empty.
  @inlinable public func min() -> Scalar { -(-self).max() }

  /// The row-major position of the largest scalar (the first one on ties).
  /// - Precondition: the tensor is not empty.
  @inlinable public func argmax() -> Int {
    withUnsafeBufferPointer { x in
      precondition(!x.isEmpty, "Tensor.argmax: empty tensor")
      var best = 0
      for i in 1..<x.count where x[i] > x[best] { best = i }
      return best
    }
  }

  /// Normalises a possibly negative axis (−1 is the last axis).
  @inlinable internal func _axis(_ axis: Int) -> Int {
    let a = axis < 0 ? axis + rank : axis
    precondition(a >= 0 && a < rank, "Tensor: axis \(axis) out of range for shape \(_shape)")
    return a
  }

  /// Views the tensor as `[outer, extent, inner]` around `axis`.
  @inlinable internal func _split(around axis: Int) -> (outer: Int, extent: Int, inner: Int) {
    (_shape[..<axis].reduce(1, *), _shape[axis], _shape[(axis + 1)...].reduce(1, *))
  }

  /// The sum along `axis`, which is kept with extent 1: a `[2, 3]` tensor summed along axis 1
  /// has shape `[2, 1]`. `axis` may be negative (−1 is the last axis).
  ///
  /// ```
  /// result[o, 0, i] = Σ_k self[o, k, i]
  /// ```
  @inlinable public func sum(alongAxis axis: Int) -> Tensor {
    let axis = _axis(axis)
    let (outer, extent, inner) = _split(around: axis)
    var shape = _shape
    shape[axis] = 1
    var result = Tensor.zeros(shape: shape)
    result.withUnsafeMutableBufferPointer { out in
      withUnsafeBufferPointer { x in
        for o in 0..<outer {
          for k in 0..<extent {
            let source = o * extent * inner + k * inner
            for i in 0..<inner { out[o * inner + i] += x[source + i] }
          }
        }
      }
    }
    return result
  }

  /// The mean along `axis`, kept with extent 1 (see ``sum(alongAxis:)``).
  @inlinable public func mean(alongAxis axis: Int) -> Tensor {
    let extent = _shape[_axis(axis)]
    var result = sum(alongAxis: axis)
    result /= Scalar(extent)
    return result
  }

  /// The maximum along `axis`, kept with extent 1 (see ``sum(alongAxis:)``).
  /// - Precondition: the tensor's extent along `axis` is not 0.
  @inlinable public func max(alongAxis axis: Int) -> Tensor {
    _argmax(alongAxis: _axis(axis)).values
  }

  /// Maxima along `axis` and, for each, the flat position in `self` of the (first) maximum.
  @inlinable internal func _argmax(alongAxis axis: Int) -> (values: Tensor, positions: [Int]) {
    let (outer, extent, inner) = _split(around: axis)
    precondition(extent > 0, "Tensor.max(alongAxis:): extent 0 along axis \(axis)")
    var shape = _shape
    shape[axis] = 1
    var positions = [Int](repeating: 0, count: outer * inner)
    let values = withUnsafeBufferPointer { x in
      Tensor(shape: shape) { out in
        for o in 0..<outer {
          for i in 0..<inner {
            var best = o * extent * inner + i
            for k in 1..<extent {
              let p = o * extent * inner + k * inner + i
              if x[p] > x[best] { best = p }
            }
            positions[o * inner + i] = best
            (out.baseAddress! + o * inner + i).initialize(to: x[best])
          }
        }
      }
    }
    return (values, positions)
  }
}
