// Dual numbers as tensor scalars: `Tensor<Dual<Double>>` is forward mode through tensor code.
//
// A tensor operation evaluated on dual scalars applies, element by element, the JVP rules of the
// scalar operations it is made of (Dual.swift, Dual+Elementary.swift), so every tensor primitive
// has its JVP without a rule of its own: `exp` of a dual tensor is `exp` of each dual scalar.
// The one kernel that is not elementwise, the matrix product, splits into products of plain
// matrices (`(A + A'ε)(B + B'ε) = AB + (A'B + AB')ε`), so it runs on the tuned `Float`/`Double`
// kernel instead of emulated SIMD vectors of dual numbers.
//
// `TensorScalar` asks for `SIMDScalar`: a SIMD vector of dual numbers is stored as two vectors,
// one of values and one of derivatives.

/// The storage of a SIMD vector of ``Dual`` numbers: a vector of values and a vector of
/// derivatives.
public struct _DualSIMDStorage<Values: SIMDStorage>: SIMDStorage
where Values.Scalar: ElementaryFloatingPoint {
  /// A dual number.
  public typealias Scalar = Dual<Values.Scalar>
  /// The values.
  public var values: Values
  /// The derivatives.
  public var derivatives: Values

  /// Zeros.
  @inlinable public init() {
    values = Values()
    derivatives = Values()
  }

  /// The number of lanes.
  @inlinable public var scalarCount: Int { values.scalarCount }

  /// The dual number in lane `index`.
  @inlinable public subscript(index: Int) -> Scalar {
    get { Dual(values[index], derivative: derivatives[index]) }
    set {
      values[index] = newValue.value
      derivatives[index] = newValue.derivative
    }
  }
}

extension Dual: SIMDScalar where T: SIMDScalar {
  /// The mask lanes of the value type.
  public typealias SIMDMaskScalar = T.SIMDMaskScalar
  /// Two lanes.
  public typealias SIMD2Storage = _DualSIMDStorage<T.SIMD2Storage>
  /// Four lanes.
  public typealias SIMD4Storage = _DualSIMDStorage<T.SIMD4Storage>
  /// Eight lanes.
  public typealias SIMD8Storage = _DualSIMDStorage<T.SIMD8Storage>
  /// Sixteen lanes.
  public typealias SIMD16Storage = _DualSIMDStorage<T.SIMD16Storage>
  /// Thirty-two lanes.
  public typealias SIMD32Storage = _DualSIMDStorage<T.SIMD32Storage>
  /// Sixty-four lanes.
  public typealias SIMD64Storage = _DualSIMDStorage<T.SIMD64Storage>
}

extension Dual: Codable where T: Codable {
  /// Decodes `[value, derivative]`.
  public init(from decoder: any Decoder) throws {
    var container = try decoder.unkeyedContainer()
    let value = try container.decode(T.self)
    let derivative = try container.decode(T.self)
    self.init(value, derivative: derivative)
  }

  /// Encodes `[value, derivative]`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.unkeyedContainer()
    try container.encode(value)
    try container.encode(derivative)
  }
}

extension Dual: TensorScalar where T: TensorScalar {
  /// `eˣ` on dual numbers.
  @inlinable public static func _exp(_ x: Dual) -> Dual { _elementaryExp(x) }
  /// `ln x` on dual numbers.
  @inlinable public static func _log(_ x: Dual) -> Dual { _elementaryLog(x) }
  /// `ln(1 + x)` on dual numbers.
  @inlinable public static func _log1p(_ x: Dual) -> Dual { _elementaryLog1p(x) }
  /// `tanh x` on dual numbers.
  @inlinable public static func _tanh(_ x: Dual) -> Dual { _elementaryTanh(x) }
  /// `xʸ` on dual numbers.
  @inlinable public static func _pow(_ x: Dual, _ y: Dual) -> Dual { _elementaryPow(x, y) }
  /// `sin x` on dual numbers.
  @inlinable public static func _sin(_ x: Dual) -> Dual { _elementarySin(x) }
  /// `cos x` on dual numbers.
  @inlinable public static func _cos(_ x: Dual) -> Dual { _elementaryCos(x) }

  /// `C = A·B` as three products of plain matrices: `C = AB + (A'B + AB')ε`. A factor whose
  /// derivatives are all zero (a constant, such as weights converted with `Tensor<S>(w)`) skips
  /// its product.
  ///
  /// Inlinable so that a caller specialised for `Dual<Double>` runs this specialised too (the
  /// unspecialised form looks up generic metadata for every element).
  @inlinable public static func _matrixMultiply(
    _ a: UnsafePointer<Dual>, _ b: UnsafePointer<Dual>, _ c: UnsafeMutablePointer<Dual>,
    m: Int, k: Int, n: Int
  ) {
    let (aValues, aDerivatives) = _split(a, count: m * k)
    let (bValues, bDerivatives) = _split(b, count: k * n)
    let count = m * n
    let values = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
      T._matrixMultiply(aValues, bValues, buffer.baseAddress!, m: m, k: k, n: n)
      initialized = count
    }
    var derivatives = [T](repeating: 0, count: count)
    if let aDerivatives {
      T._matrixMultiply(aDerivatives, bValues, &derivatives, m: m, k: k, n: n)
    }
    if let bDerivatives {
      let product = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
        T._matrixMultiply(aValues, bDerivatives, buffer.baseAddress!, m: m, k: k, n: n)
        initialized = count
      }
      for i in 0..<count { derivatives[i] += product[i] }
    }
    for i in 0..<count {
      (c + i).initialize(to: Dual(values[i], derivative: derivatives[i]))
    }
  }

  /// The values of `count` dual numbers, and their derivatives unless all are exactly zero.
  @inlinable static func _split(_ source: UnsafePointer<Dual>, count: Int) -> (values: [T], derivatives: [T]?) {
    var hasDerivatives = false
    let values = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
      for i in 0..<count {
        (buffer.baseAddress! + i).initialize(to: source[i].value)
        if !source[i].derivative._isExactlyZero { hasDerivatives = true }
      }
      initialized = count
    }
    guard hasDerivatives else { return (values, nil) }
    let derivatives = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
      for i in 0..<count { (buffer.baseAddress! + i).initialize(to: source[i].derivative) }
      initialized = count
    }
    return (values, derivatives)
  }

  /// Wraps a dual tensor for ``Grads``.
  @inlinable public static func _erase(_ tensor: Tensor<Dual>) -> AnyTensor {
    .other(_ErasedTensorOf(tensor))
  }

  /// The dual tensor in `tensor`, if it holds one of this type.
  @inlinable public static func _unerase(_ tensor: AnyTensor) -> Tensor<Dual>? {
    if case .other(let erased) = tensor, let typed = erased as? _ErasedTensorOf<Dual> {
      return typed.tensor
    }
    return nil
  }
}
