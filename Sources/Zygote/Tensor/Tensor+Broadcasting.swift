// Broadcasting: how two shapes combine elementwise, and the reverse, summing a gradient back
// to an operand's shape. Shapes are aligned at their trailing axes (numpy's rule): each pair
// of extents must be equal, or one of them 1 (or missing), which repeats along that axis.

/// The shape of `a ⊕ b` under broadcasting by trailing dimensions.
///
/// `[2, 3]` with `[3]` gives `[2, 3]`; `[4, 1, 3]` with `[2, 1]` gives `[4, 2, 3]`; `[]` (a
/// rank-0 tensor) with anything gives the other shape.
/// - Precondition: the shapes are compatible.
@inlinable public func broadcastShape(_ a: [Int], _ b: [Int]) -> [Int] {
  if a == b { return a }
  let rank = Swift.max(a.count, b.count)
  var result = [Int](repeating: 1, count: rank)
  for i in 0..<rank {
    let x = i < rank - a.count ? 1 : a[i - (rank - a.count)]
    let y = i < rank - b.count ? 1 : b[i - (rank - b.count)]
    precondition(
      x == y || x == 1 || y == 1, "Tensor: shapes \(a) and \(b) cannot be broadcast together")
    result[i] = x == 1 ? y : x
  }
  return result
}

/// Row-major strides of `shape`, in scalars.
@inlinable internal func _strides(of shape: [Int]) -> [Int] {
  var strides = [Int](repeating: 1, count: shape.count)
  var stride = 1
  for axis in shape.indices.reversed() {
    strides[axis] = stride
    stride *= shape[axis]
  }
  return strides
}

/// Strides that read a tensor of `shape` as if it had the (larger) shape `target`: aligned at
/// the trailing axes, zero along every axis that `shape` lacks or has extent 1.
@inlinable internal func _broadcastStrides(of shape: [Int], to target: [Int]) -> [Int] {
  let own = _strides(of: shape)
  var result = [Int](repeating: 0, count: target.count)
  let lead = target.count - shape.count
  for axis in shape.indices where shape[axis] != 1 {
    result[axis + lead] = own[axis]
  }
  return result
}

/// Walks a broadcast iteration space row by row.
///
/// The space has shape `shape` (rank ≥ 0); a "row" is the innermost axis. For each row, calls
/// `body(index, offsetA, offsetB)` where `index` is the row's first row-major position in the
/// space and `offsetA`, `offsetB` are the offsets of its first element under `stridesA`,
/// `stridesB`. The caller walks the row with the innermost strides itself.
@inlinable internal func _forEachRow(
  of shape: [Int], _ stridesA: [Int], _ stridesB: [Int], _ body: (Int, Int, Int) -> Void
) {
  let rank = shape.count
  if rank <= 1 {
    body(0, 0, 0)
    return
  }
  let rowLength = shape[rank - 1]
  var rows = 1
  for axis in 0..<(rank - 1) { rows *= shape[axis] }
  if rows == 0 || rowLength == 0 { return }
  var counter = [Int](repeating: 0, count: rank - 1)
  var offsetA = 0
  var offsetB = 0
  for row in 0..<rows {
    body(row * rowLength, offsetA, offsetB)
    // Advance the odometer over the outer axes.
    var axis = rank - 2
    while axis >= 0 {
      counter[axis] += 1
      offsetA += stridesA[axis]
      offsetB += stridesB[axis]
      if counter[axis] < shape[axis] { break }
      offsetA -= stridesA[axis] * shape[axis]
      offsetB -= stridesB[axis] * shape[axis]
      counter[axis] = 0
      axis -= 1
    }
  }
}

extension Tensor {
  /// This tensor repeated along broadcast axes to `shape`.
  ///
  /// - Precondition: ``shape`` broadcasts to `shape` (`broadcastShape(self.shape, shape) == shape`).
  @inlinable public func broadcast(to shape: [Int]) -> Tensor {
    precondition(
      broadcastShape(_shape, shape) == shape, "Tensor: cannot broadcast shape \(_shape) to \(shape)")
    if shape == _shape { return Tensor(_buffer: _buffer, shape: _shape) }
    let strides = _broadcastStrides(of: _shape, to: shape)
    let inner = strides.last ?? 0
    let rowLength = shape.last ?? 1
    return withUnsafeBufferPointer { source in
      Tensor(shape: shape) { out in
        _forEachRow(of: shape, strides, strides) { index, offset, _ in
          for j in 0..<rowLength { (out.baseAddress! + index + j).initialize(to: source[offset + j * inner]) }
        }
      }
    }
  }

  /// Sums this tensor over its broadcast axes down to `shape`: the adjoint of
  /// ``broadcast(to:)``, and how every broadcasting rule returns an operand's gradient.
  ///
  /// ```
  /// result[i] = Σ self[j]  over every j that broadcasting maps to i
  /// ```
  /// - Precondition: `shape` broadcasts to ``shape``.
  @inlinable public func unbroadcast(to shape: [Int]) -> Tensor {
    if shape == _shape { return self }
    precondition(
      broadcastShape(shape, _shape) == _shape, "Tensor: cannot sum shape \(_shape) down to \(shape)")
    let targetStrides = _broadcastStrides(of: shape, to: _shape)
    let inner = targetStrides.last ?? 0
    let rowLength = _shape.last ?? 1
    var result = Tensor.zeros(shape: shape)
    result.withUnsafeMutableBufferPointer { out in
      withUnsafeBufferPointer { source in
        _forEachRow(of: _shape, targetStrides, targetStrides) { index, offset, _ in
          if inner == 0 {
            var total: Scalar = 0
            for j in 0..<rowLength { total += source[index + j] }
            out[offset] += total
          } else {
            for j in 0..<rowLength { out[offset + j * inner] += source[index + j] }
          }
        }
      }
    }
    return result
  }
}

/// `op(a, b)` elementwise under broadcasting, as a new tensor.
@inlinable internal func _broadcastBinary<Scalar: TensorScalar>(
  _ a: Tensor<Scalar>, _ b: Tensor<Scalar>, _ op: (Scalar, Scalar) -> Scalar
) -> Tensor<Scalar> {
  if a._shape == b._shape {
    return a.withUnsafeBufferPointer { x in
      b.withUnsafeBufferPointer { y in
        Tensor(shape: a._shape) { out in
          for i in 0..<out.count { (out.baseAddress! + i).initialize(to: op(x[i], y[i])) }
        }
      }
    }
  }
  let shape = broadcastShape(a._shape, b._shape)
  if b.scalarCount == 1 && shape == a._shape {
    let y = b.withUnsafeBufferPointer { $0[0] }
    return a.withUnsafeBufferPointer { x in
      Tensor(shape: shape) { out in
        for i in 0..<out.count { (out.baseAddress! + i).initialize(to: op(x[i], y)) }
      }
    }
  }
  if a.scalarCount == 1 && shape == b._shape {
    let x = a.withUnsafeBufferPointer { $0[0] }
    return b.withUnsafeBufferPointer { y in
      Tensor(shape: shape) { out in
        for i in 0..<out.count { (out.baseAddress! + i).initialize(to: op(x, y[i])) }
      }
    }
  }
  let stridesA = _broadcastStrides(of: a._shape, to: shape)
  let stridesB = _broadcastStrides(of: b._shape, to: shape)
  let innerA = stridesA.last ?? 0
  let innerB = stridesB.last ?? 0
  let rowLength = shape.last ?? 1
  return a.withUnsafeBufferPointer { x in
    b.withUnsafeBufferPointer { y in
      Tensor(shape: shape) { out in
        let base = out.baseAddress!
        _forEachRow(of: shape, stridesA, stridesB) { index, offsetA, offsetB in
          for j in 0..<rowLength {
            (base + index + j).initialize(to: op(x[offsetA + j * innerA], y[offsetB + j * innerB]))
          }
        }
      }
    }
  }
}

/// `op(a[i], b)` in place over `a`, with `b` broadcast to `a`'s shape.
/// - Precondition: `b`'s shape broadcasts to `a`'s.
@inlinable internal func _broadcastInPlace<Scalar: TensorScalar>(
  _ a: inout Tensor<Scalar>, _ b: Tensor<Scalar>, _ op: (inout Scalar, Scalar) -> Void
) {
  // If `a` and `b` share storage, `b` still holds a reference to it, so the write below copies
  // `a`'s storage first (copy-on-write) and `b` keeps reading the original values.
  let shape = a._shape
  if b._shape == shape {
    b.withUnsafeBufferPointer { y in
      a.withUnsafeMutableBufferPointer { x in for i in 0..<x.count { op(&x[i], y[i]) } }
    }
    return
  }
  precondition(
    broadcastShape(shape, b._shape) == shape,
    "Tensor: in-place operation cannot change shape \(shape) to \(broadcastShape(shape, b._shape))")
  let stridesB = _broadcastStrides(of: b._shape, to: shape)
  let innerB = stridesB.last ?? 0
  let rowLength = shape.last ?? 1
  b.withUnsafeBufferPointer { y in
    a.withUnsafeMutableBufferPointer { x in
      _forEachRow(of: shape, stridesB, stridesB) { index, offsetB, _ in
        for j in 0..<rowLength { op(&x[index + j], y[offsetB + j * innerB]) }
      }
    }
  }
}
