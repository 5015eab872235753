// Shape manipulation: reshaping, transposition, indexing and slicing along the first axis,
// concatenation and stacking.

extension Tensor {
  /// The same scalars viewed with another shape (row-major order is kept). One extent may be
  /// `-1`, meaning "whatever makes the count match".
  ///
  /// ```swift
  /// Tensor<Double>([1, 2, 3, 4]).reshaped(to: [2, 2])   // [[1.0, 2.0], [3.0, 4.0]]
  /// ```
  /// - Precondition: the new shape holds ``scalarCount`` scalars.
  @inlinable public func reshaped(to newShape: [Int]) -> Tensor {
    var shape = newShape
    if let hole = shape.firstIndex(of: -1) {
      var known = 1
      for (axis, extent) in shape.enumerated() where axis != hole { known *= extent }
      precondition(known > 0 && scalarCount % known == 0, "Tensor.reshaped: cannot infer -1 in \(newShape) for \(scalarCount) scalars")
      shape[hole] = scalarCount / known
    }
    precondition(
      _scalarCount(of: shape) == scalarCount,
      "Tensor.reshaped: shape \(newShape) does not hold \(scalarCount) scalars (shape \(_shape))")
    return Tensor(_buffer: _buffer, shape: shape)
  }

  /// The tensor with its axes in reverse order; for a matrix, the transpose
  /// (`result[j, i] = self[i, j]`). Rank 0 and rank 1 tensors are returned as they are.
  @inlinable public func transposed() -> Tensor {
    if rank < 2 { return Tensor(_buffer: _buffer, shape: _shape) }
    if rank == 2 {
      let rows = _shape[0]
      let columns = _shape[1]
      return withUnsafeBufferPointer { source in
        Tensor(shape: [columns, rows]) { out in
          _transpose(source.baseAddress!, out.baseAddress!, rows: rows, columns: columns)
        }
      }
    }
    let newShape = Array(_shape.reversed())
    let sourceStrides = Array(_strides(of: _shape).reversed())
    let inner = sourceStrides.last!
    let rowLength = newShape.last!
    return withUnsafeBufferPointer { source in
      Tensor(shape: newShape) { out in
        _forEachRow(of: newShape, sourceStrides, sourceStrides) { index, offset, _ in
          for j in 0..<rowLength {
            (out.baseAddress! + index + j).initialize(to: source[offset + j * inner])
          }
        }
      }
    }
  }

  /// The flattened tensor: shape `[scalarCount]`.
  @inlinable public func flattened() -> Tensor { reshaped(to: [scalarCount]) }

  /// The number of scalars in one entry along the first axis.
  @inlinable internal var _rowSize: Int {
    _shape.dropFirst().reduce(1, *)
  }

  /// The `index`-th entry along the first axis: rank one less.
  ///
  /// `m[1]` of a matrix is its second row; `v[2]` of a vector is a rank-0 tensor. Writing through
  /// the subscript copies the new value in place (the tensor keeps its identity).
  /// - Precondition: `rank > 0`, `0 <= index < shape[0]`; on writing, `newValue.shape` is
  ///   `shape.dropFirst()`.
  @inlinable public subscript(index: Int) -> Tensor {
    get {
      precondition(rank > 0, "Tensor: cannot index a rank-0 tensor")
      precondition(index >= 0 && index < _shape[0], "Tensor: index \(index) out of range 0..<\(_shape[0])")
      let size = _rowSize
      return withUnsafeBufferPointer { source in
        Tensor(shape: Array(_shape.dropFirst())) { out in
          if size > 0 { out.baseAddress!.initialize(from: source.baseAddress! + index * size, count: size) }
        }
      }
    }
    set {
      precondition(rank > 0, "Tensor: cannot index a rank-0 tensor")
      precondition(index >= 0 && index < _shape[0], "Tensor: index \(index) out of range 0..<\(_shape[0])")
      precondition(
        newValue._shape == Array(_shape.dropFirst()),
        "Tensor: cannot assign shape \(newValue._shape) to an entry of shape \(Array(_shape.dropFirst()))")
      let size = _rowSize
      newValue.withUnsafeBufferPointer { source in
        withUnsafeMutableBufferPointer { out in
          for j in 0..<size { out[index * size + j] = source[j] }
        }
      }
    }
  }

  /// The entries `range` along the first axis: shape `[range.count] + shape.dropFirst()`.
  /// Writing copies the new value in place (the tensor keeps its identity).
  @inlinable public subscript(range: Range<Int>) -> Tensor {
    get {
      precondition(rank > 0, "Tensor: cannot slice a rank-0 tensor")
      precondition(range.lowerBound >= 0 && range.upperBound <= _shape[0], "Tensor: range \(range) out of range 0..<\(_shape[0])")
      let size = _rowSize
      var shape = _shape
      shape[0] = range.count
      return withUnsafeBufferPointer { source in
        Tensor(shape: shape) { out in
          if out.count > 0 {
            out.baseAddress!.initialize(from: source.baseAddress! + range.lowerBound * size, count: out.count)
          }
        }
      }
    }
    set {
      precondition(rank > 0, "Tensor: cannot slice a rank-0 tensor")
      precondition(range.lowerBound >= 0 && range.upperBound <= _shape[0], "Tensor: range \(range) out of range 0..<\(_shape[0])")
      var shape = _shape
      shape[0] = range.count
      precondition(newValue._shape == shape, "Tensor: cannot assign shape \(newValue._shape) to a slice of shape \(shape)")
      let size = _rowSize
      newValue.withUnsafeBufferPointer { source in
        withUnsafeMutableBufferPointer { out in
          for j in 0..<source.count { out[range.lowerBound * size + j] = source[j] }
        }
      }
    }
  }
}

/// Blocked out-of-place transpose of a `rows`×`columns` row-major matrix.
@inlinable internal func _transpose<Scalar>(
  _ source: UnsafePointer<Scalar>, _ destination: UnsafeMutablePointer<Scalar>, rows: Int, columns: Int
) {
  let block = 32
  var i0 = 0
  while i0 < rows {
    let i1 = Swift.min(i0 + block, rows)
    var j0 = 0
    while j0 < columns {
      let j1 = Swift.min(j0 + block, columns)
      for i in i0..<i1 {
        for j in j0..<j1 {
          (destination + j * rows + i).initialize(to: source[i * columns + j])
        }
      }
      j0 = j1
    }
    i0 = i1
  }
}

/// Joins tensors along an existing axis.
///
/// ```swift
/// concatenate([Tensor<Double>(shape: [1, 2], scalars: [1, 2]),
///              Tensor<Double>(shape: [2, 2], scalars: [3, 4, 5, 6])])   // shape [3, 2]
/// ```
/// - Precondition: at least one tensor; all have the same rank (≥ 1) and the same extents except
///   along `axis` (which may be negative, counting from the last axis).
@inlinable public func concatenate<Scalar>(_ tensors: [Tensor<Scalar>], alongAxis axis: Int = 0) -> Tensor<Scalar> {
  precondition(!tensors.isEmpty, "concatenate: no tensors")
  let rank = tensors[0].rank
  precondition(rank > 0, "concatenate: rank-0 tensors have no axis; use stack")
  let axis = axis < 0 ? axis + rank : axis
  precondition(axis >= 0 && axis < rank, "concatenate: axis out of range for rank \(rank)")
  var shape = tensors[0].shape
  shape[axis] = 0
  for t in tensors {
    precondition(t.rank == rank, "concatenate: ranks differ (\(tensors.map(\.shape)))")
    for a in 0..<rank where a != axis {
      precondition(t.shape[a] == shape[a], "concatenate: shapes \(tensors.map(\.shape)) differ off axis \(axis)")
    }
    shape[axis] += t.shape[axis]
  }
  let outer = shape[..<axis].reduce(1, *)
  let inner = shape[(axis + 1)...].reduce(1, *)
  return Tensor(shape: shape) { out in
    var position = 0
    for o in 0..<outer {
      for t in tensors {
        let chunk = t.shape[axis] * inner
        t.withUnsafeBufferPointer { source in
          if chunk > 0 {
            (out.baseAddress! + position).initialize(from: source.baseAddress! + o * chunk, count: chunk)
          }
        }
        position += chunk
      }
    }
  }
}

/// Stacks tensors of one shape along a new axis: `n` tensors of shape `s` give shape
/// `s[..<axis] + [n] + s[axis...]`.
///
/// ```swift
/// stack([Tensor<Double>([1, 2]), Tensor<Double>([3, 4])])   // [[1.0, 2.0], [3.0, 4.0]]
/// ```
/// - Precondition: at least one tensor; all the same shape; `0 <= axis <= rank` (or negative,
///   counting from the end).
@inlinable public func stack<Scalar>(_ tensors: [Tensor<Scalar>], alongAxis axis: Int = 0) -> Tensor<Scalar> {
  precondition(!tensors.isEmpty, "stack: no tensors")
  let shape = tensors[0].shape
  let axis = axis < 0 ? axis + shape.count + 1 : axis
  precondition(axis >= 0 && axis <= shape.count, "stack: axis out of range for rank \(shape.count)")
  for t in tensors { precondition(t.shape == shape, "stack: shapes differ (\(tensors.map(\.shape)))") }
  var expanded = shape
  expanded.insert(1, at: axis)
  return concatenate(tensors.map { $0.reshaped(to: expanded) }, alongAxis: axis)
}

/// Splits `tensor` along `axis` into pieces of the given extents: the inverse of
/// ``concatenate(_:alongAxis:)``.
@inlinable public func split<Scalar>(_ tensor: Tensor<Scalar>, sizes: [Int], alongAxis axis: Int = 0) -> [Tensor<Scalar>] {
  let rank = tensor.rank
  let axis = axis < 0 ? axis + rank : axis
  precondition(axis >= 0 && axis < rank, "split: axis out of range for rank \(rank)")
  precondition(sizes.reduce(0, +) == tensor.shape[axis], "split: sizes \(sizes) do not add up to \(tensor.shape[axis])")
  let outer = tensor.shape[..<axis].reduce(1, *)
  let inner = tensor.shape[(axis + 1)...].reduce(1, *)
  let total = tensor.shape[axis] * inner
  var start = 0
  return tensor.withUnsafeBufferPointer { source in
    sizes.map { size in
      var shape = tensor.shape
      shape[axis] = size
      let piece = Tensor<Scalar>(shape: shape) { out in
        let chunk = size * inner
        for o in 0..<outer where chunk > 0 {
          (out.baseAddress! + o * chunk).initialize(from: source.baseAddress! + o * total + start * inner, count: chunk)
        }
      }
      start += size
      return piece
    }
  }
}
