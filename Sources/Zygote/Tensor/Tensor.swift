// Tensor: an n-dimensional, row-major array of Float or Double with value semantics.
//
// Storage is one heap buffer (a ManagedBuffer whose header is the element count) shared between
// copies until one of them is mutated: every mutating entry point calls `_makeUnique()`, which
// copies the buffer unless `isKnownUniquelyReferenced` says this value is its only owner.
// Besides shape and storage, a tensor carries a ``ParameterID``: its identity for implicit
// parameters (see `Params/`). Initializers and operations draw a new identity; mutation in place
// keeps it.

/// The heap buffer behind a ``Tensor``: the header is the number of scalars.
@usableFromInline typealias TensorBuffer<Scalar> = ManagedBuffer<Int, Scalar>

/// An n-dimensional array of `Float` or `Double`, stored in row-major order, with value semantics.
///
/// ```swift
/// let t = Tensor<Double>(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
/// let v = Tensor<Double>([1, 2, 3])
/// print(matmul(t, v))          // [14.0, 32.0]
/// print(t.transposed())        // [[1.0, 4.0], [2.0, 5.0], [3.0, 6.0]]
/// print((t * 2 + 1).sum())     // 48.0
/// ```
///
/// A rank-0 tensor holds one scalar (`Tensor(3.0)`, shape `[]`). Copies share storage until one of
/// them is mutated (copy-on-write). Each tensor value also carries an identity,
/// ``parameterID``, which is what ``Params`` and ``Grads`` use to recognise a parameter: it is
/// kept by in-place mutation (`W -= 0.1 * g[W]!`) and is new for the result of every operation.
///
/// `Tensor` is ``Differentiable`` and its own tangent: the gradient of a tensor is a tensor of the
/// same shape.
public struct Tensor<Scalar: TensorScalar> {
  /// The scalars, row-major. Possibly shared with other tensors (copy-on-write).
  @usableFromInline internal var _buffer: TensorBuffer<Scalar>
  /// The extent of each axis.
  @usableFromInline internal var _shape: [Int]
  /// The identity of this value (see ``parameterID``).
  @usableFromInline internal var _id: ParameterID

  /// Wraps a buffer whose scalar count matches `shape`, drawing a new identity.
  @inlinable internal init(_buffer: TensorBuffer<Scalar>, shape: [Int]) {
    self._buffer = _buffer
    self._shape = shape
    self._id = ParameterID.next()
  }
}

extension Tensor: @unchecked Sendable {}
// Safe: the buffer is written only through `_makeUnique()`, so a buffer reachable from two values
// (and so possibly from two threads) is never mutated.

// MARK: - Storage

extension Tensor {
  /// Allocates an uninitialised buffer for `count` scalars.
  @inlinable internal static func _allocate(_ count: Int) -> TensorBuffer<Scalar> {
    TensorBuffer<Scalar>.create(minimumCapacity: Swift.max(count, 1)) { _ in count }
  }

  /// Creates a tensor of `shape` whose scalars `initializer` writes into uninitialised memory.
  /// The initializer must initialise every one of the `shape.product` scalars.
  @inlinable public init(
    shape: [Int], unsafeUninitializedScalars initializer: (UnsafeMutableBufferPointer<Scalar>) -> Void
  ) {
    let count = _scalarCount(of: shape)
    let buffer = Tensor._allocate(count)
    buffer.withUnsafeMutablePointerToElements { initializer(UnsafeMutableBufferPointer(start: $0, count: count)) }
    self.init(_buffer: buffer, shape: shape)
  }

  /// Makes the storage uniquely owned by this value, copying it if it is shared.
  @inlinable internal mutating func _makeUnique() {
    if !isKnownUniquelyReferenced(&_buffer) {
      let count = _buffer.header
      let copy = Tensor._allocate(count)
      _buffer.withUnsafeMutablePointerToElements { source in
        copy.withUnsafeMutablePointerToElements { $0.initialize(from: source, count: count) }
      }
      _buffer = copy
    }
  }

  /// Calls `body` with the scalars, row-major.
  @inlinable public func withUnsafeBufferPointer<R>(
    _ body: (UnsafeBufferPointer<Scalar>) throws -> R
  ) rethrows -> R {
    let count = _buffer.header
    return try _buffer.withUnsafeMutablePointerToElements {
      try body(UnsafeBufferPointer(start: $0, count: count))
    }
  }

  /// Calls `body` with the scalars for writing, first copying them if the storage is shared.
  /// The shape and the identity do not change.
  @inlinable public mutating func withUnsafeMutableBufferPointer<R>(
    _ body: (UnsafeMutableBufferPointer<Scalar>) throws -> R
  ) rethrows -> R {
    _makeUnique()
    let count = _buffer.header
    return try _buffer.withUnsafeMutablePointerToElements {
      try body(UnsafeMutableBufferPointer(start: $0, count: count))
    }
  }
}

/// The number of scalars of a tensor of `shape` (1 for the rank-0 shape `[]`).
@inlinable internal func _scalarCount(of shape: [Int]) -> Int {
  var count = 1
  for extent in shape {
    precondition(extent >= 0, "Tensor: negative extent in shape \(shape)")
    count *= extent
  }
  return count
}

// MARK: - Initializers

extension Tensor {
  /// A tensor of the given shape whose scalars, in row-major order, are `scalars`.
  ///
  /// ```swift
  /// Tensor<Double>(shape: [2, 2], scalars: [1, 2, 3, 4])   // [[1.0, 2.0], [3.0, 4.0]]
  /// ```
  /// - Precondition: `scalars.count` is the product of `shape` (1 for `shape == []`).
  @inlinable public init(shape: [Int], scalars: [Scalar]) {
    let count = _scalarCount(of: shape)
    precondition(
      scalars.count == count,
      "Tensor(shape: \(shape), scalars:) needs \(count) scalars, got \(scalars.count)")
    self.init(shape: shape) { buffer in
      scalars.withUnsafeBufferPointer { source in
        if count > 0 { buffer.baseAddress!.initialize(from: source.baseAddress!, count: count) }
      }
    }
  }

  /// A 1-D tensor (a vector) holding `scalars`: shape `[scalars.count]`.
  @inlinable public init(_ scalars: [Scalar]) {
    self.init(shape: [scalars.count], scalars: scalars)
  }

  /// A rank-0 tensor (shape `[]`) holding `scalar`.
  @inlinable public init(_ scalar: Scalar) {
    self.init(shape: []) { $0.baseAddress!.initialize(to: scalar) }
  }

  /// A tensor of `shape` with every scalar equal to `value`.
  @inlinable public init(shape: [Int], repeating value: Scalar) {
    self.init(shape: shape) { buffer in
      if buffer.count > 0 { buffer.baseAddress!.initialize(repeating: value, count: buffer.count) }
    }
  }

  /// The scalars of `other` converted to this scalar type, in the same shape.
  ///
  /// In code generic over its scalar this brings a constant into the caller's type:
  /// `Tensor<S>(weights)` is `weights` as constant dual numbers when `S` is `Dual<Double>`
  /// (forward mode, Hessians). Converting dual numbers to `Double` keeps their values only.
  ///
  /// ```swift
  /// let w = Tensor<Double>([1, 2])
  /// Tensor<Float>(w)   // [1.0, 2.0]
  /// ```
  @inlinable public init<Other: TensorScalar>(_ other: Tensor<Other>) {
    let source = other.scalars
    self.init(shape: other.shape) { buffer in
      for i in source.indices { (buffer.baseAddress! + i).initialize(to: Scalar(source[i])) }
    }
  }

  /// A tensor of the same shape as `other` with every scalar equal to `value`.
  @inlinable public init(repeating value: Scalar, like other: Tensor) {
    self.init(shape: other._shape, repeating: value)
  }

  /// A tensor of `shape` filled with zeros.
  @inlinable public static func zeros(shape: [Int]) -> Tensor { Tensor(shape: shape, repeating: 0) }

  /// A tensor of `shape` filled with ones.
  @inlinable public static func ones(shape: [Int]) -> Tensor { Tensor(shape: shape, repeating: 1) }

  /// The `n`×`n` identity matrix: ones on the diagonal, zeros elsewhere.
  @inlinable public static func identity(_ n: Int) -> Tensor {
    var result = Tensor.zeros(shape: [n, n])
    result.withUnsafeMutableBufferPointer { buffer in
      for i in 0..<n { buffer[i * n + i] = 1 }
    }
    return result
  }

  /// A copy of this tensor's value with a new identity.
  ///
  /// Two tensors made by `let b = a` share an identity; use this to make a tensor that ``Params``
  /// will treat as a different parameter.
  @inlinable public func withNewIdentity() -> Tensor {
    Tensor(_buffer: _buffer, shape: _shape)
  }
}

// MARK: - Properties

extension Tensor {
  /// The extent of each axis, outermost first; `[]` for a rank-0 tensor.
  @inlinable public var shape: [Int] { _shape }

  /// The number of axes: 0 for a scalar, 1 for a vector, 2 for a matrix.
  @inlinable public var rank: Int { _shape.count }

  /// The number of scalars: the product of ``shape``.
  @inlinable public var scalarCount: Int { _buffer.header }

  /// The scalars in row-major order.
  @inlinable public var scalars: [Scalar] {
    withUnsafeBufferPointer { Array($0) }
  }

  /// The only scalar of a tensor that holds exactly one (a rank-0 tensor, or shape `[1]`,
  /// `[1, 1]`...).
  ///
  /// In a differentiated function, reading it passes the gradient back as a tensor of this
  /// shape: the generated code adds the seed into the `scalar` of a zero tangent, which is why
  /// the property is settable.
  /// - Precondition: ``scalarCount`` is 1.
  @inlinable public var scalar: Scalar {
    get {
      precondition(scalarCount == 1, "Tensor.scalar: the tensor has shape \(_shape), not one scalar")
      return withUnsafeBufferPointer { $0[0] }
    }
    set {
      precondition(scalarCount == 1, "Tensor.scalar: the tensor has shape \(_shape), not one scalar")
      withUnsafeMutableBufferPointer { $0[0] = newValue }
    }
  }

  /// The identity of this tensor value, used by ``Params`` and ``Grads``.
  ///
  /// Kept by mutation in place (compound assignment, subscript writes,
  /// ``withUnsafeMutableBufferPointer(_:)``) and by copying; new for every result of an operation.
  @inlinable public var parameterID: ParameterID { _id }
}

// MARK: - Equatable, description

extension Tensor: Equatable {
  /// Two tensors are equal when they have the same shape and the same scalars (identities are
  /// not compared).
  @inlinable public static func == (lhs: Tensor, rhs: Tensor) -> Bool {
    guard lhs._shape == rhs._shape else { return false }
    if lhs._buffer === rhs._buffer { return true }
    return lhs.withUnsafeBufferPointer { a in
      rhs.withUnsafeBufferPointer { b in a.elementsEqual(b) }
    }
  }
}

extension Tensor: CustomStringConvertible {
  /// Nested brackets, one level per axis: `[[1.0, 2.0], [3.0, 4.0]]`; a rank-0 tensor prints as
  /// its scalar, `3.0`.
  public var description: String {
    withUnsafeBufferPointer { buffer in
      var text = ""
      func write(axis: Int, offset: Int) {
        if axis == _shape.count {
          text += buffer[offset].description
          return
        }
        let stride = _shape[(axis + 1)...].reduce(1, *)
        text += "["
        for i in 0..<_shape[axis] {
          if i > 0 { text += ", " }
          write(axis: axis + 1, offset: offset + i * stride)
        }
        text += "]"
      }
      write(axis: 0, offset: 0)
      return text
    }
  }
}

// MARK: - Differentiable

extension Tensor: Differentiable, TangentVector {
  /// A tensor's gradient is a tensor of the same shape.
  public typealias Tangent = Tensor

  /// Zeros of the same shape.
  @inlinable public var zeroTangent: Tensor { Tensor.zeros(shape: _shape) }

  /// Adds `other` into `self` elementwise, in place (keeping `self`'s identity).
  ///
  /// The shapes are normally equal. If they differ, `other` is broadcast against `self` as for
  /// `+`, and the result takes the broadcast shape.
  @inlinable public mutating func accumulate(_ other: Tensor) {
    self += other
  }
}
