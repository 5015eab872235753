// The element types a Tensor can hold, and the scalar math the tensor kernels need.
// The elementary functions come from the C library (Glibc, Musl or Darwin) so that the runtime
// needs no Foundation; each one is a static requirement so that generic tensor code, once
// specialised for Float or Double, calls `expf` or `exp` directly.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#elseif canImport(ucrt)
  import ucrt
#endif

/// An element type of ``Tensor``: `Float` or `Double`.
///
/// A tensor scalar is a binary floating-point number that is its own tangent (`Float` and
/// `Double` are; rules take a scalar operand's gradient as a `Scalar`), can live in SIMD
/// vectors, and provides the elementary functions and the matrix kernel the tensors need.
/// Other types should not conform: the kernels are tuned for these two.
public protocol TensorScalar: BinaryFloatingPoint, SIMDScalar, Codable, Differentiable, TangentVector,
  DerivativeDropping, Sendable, CustomStringConvertible
where RawSignificand: FixedWidthInteger, Tangent == Self {
  /// `e^x`
  static func _exp(_ x: Self) -> Self
  /// The natural logarithm `ln x`.
  static func _log(_ x: Self) -> Self
  /// `ln(1 + x)`, accurate for small `x`.
  static func _log1p(_ x: Self) -> Self
  /// `tanh x`
  static func _tanh(_ x: Self) -> Self
  /// `x^y`
  static func _pow(_ x: Self, _ y: Self) -> Self
  /// `sin x`
  static func _sin(_ x: Self) -> Self
  /// `cos x`
  static func _cos(_ x: Self) -> Self
  /// `C = A·B` for row-major `A` (m×k) and `B` (k×n), written into `C` (m×n, overwritten).
  /// Implemented once per type by the cache-blocked SIMD kernel in `Tensor+LinearAlgebra.swift`.
  static func _matrixMultiply(
    _ a: UnsafePointer<Self>, _ b: UnsafePointer<Self>, _ c: UnsafeMutablePointer<Self>,
    m: Int, k: Int, n: Int)
  /// Wraps a tensor of this scalar type into the type-erased form that ``Grads`` stores.
  static func _erase(_ tensor: Tensor<Self>) -> AnyTensor
  /// Unwraps a type-erased tensor if it holds this scalar type.
  static func _unerase(_ tensor: AnyTensor) -> Tensor<Self>?
}

extension Float: TensorScalar {
  /// `expf(x)`
  @inlinable @inline(__always) public static func _exp(_ x: Float) -> Float { expf(x) }
  /// `logf(x)`
  @inlinable @inline(__always) public static func _log(_ x: Float) -> Float { logf(x) }
  /// `log1pf(x)`
  @inlinable @inline(__always) public static func _log1p(_ x: Float) -> Float { log1pf(x) }
  /// `tanhf(x)`
  @inlinable @inline(__always) public static func _tanh(_ x: Float) -> Float { tanhf(x) }
  /// `powf(x, y)`
  @inlinable @inline(__always) public static func _pow(_ x: Float, _ y: Float) -> Float {
    powf(x, y)
  }
  /// `sinf(x)`
  @inlinable @inline(__always) public static func _sin(_ x: Float) -> Float { sinf(x) }
  /// `cosf(x)`
  @inlinable @inline(__always) public static func _cos(_ x: Float) -> Float { cosf(x) }
  /// The Float matrix kernel: 6×8 register tile of `SIMD8<Float>`.
  public static func _matrixMultiply(
    _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ c: UnsafeMutablePointer<Float>,
    m: Int, k: Int, n: Int
  ) {
    #if DEBUG
      _debugMatrixMultiply(a, b, c, m: m, k: k, n: n)
    #else
      _blockedMatrixMultiply(a, b, c, m: m, k: k, n: n, vector: SIMD8<Float>.self)
    #endif
  }
  /// `.float(tensor)`
  @inlinable public static func _erase(_ tensor: Tensor<Float>) -> AnyTensor { .float(tensor) }
  /// The tensor if `tensor` is `.float`.
  @inlinable public static func _unerase(_ tensor: AnyTensor) -> Tensor<Float>? {
    if case .float(let t) = tensor { return t }
    return nil
  }
}

extension Double: TensorScalar {
  /// `exp(x)`
  @inlinable @inline(__always) public static func _exp(_ x: Double) -> Double { exp(x) }
  /// `log(x)`
  @inlinable @inline(__always) public static func _log(_ x: Double) -> Double { log(x) }
  /// `log1p(x)`
  @inlinable @inline(__always) public static func _log1p(_ x: Double) -> Double { log1p(x) }
  /// `tanh(x)`
  @inlinable @inline(__always) public static func _tanh(_ x: Double) -> Double { tanh(x) }
  /// `pow(x, y)`
  @inlinable @inline(__always) public static func _pow(_ x: Double, _ y: Double) -> Double {
    pow(x, y)
  }
  /// `sin(x)`
  @inlinable @inline(__always) public static func _sin(_ x: Double) -> Double { sin(x) }
  /// `cos(x)`
  @inlinable @inline(__always) public static func _cos(_ x: Double) -> Double { cos(x) }
  /// The Double matrix kernel: 6×4 register tile of `SIMD4<Double>`.
  public static func _matrixMultiply(
    _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ c: UnsafeMutablePointer<Double>,
    m: Int, k: Int, n: Int
  ) {
    #if DEBUG
      _debugMatrixMultiply(a, b, c, m: m, k: k, n: n)
    #else
      _blockedMatrixMultiply(a, b, c, m: m, k: k, n: n, vector: SIMD4<Double>.self)
    #endif
  }
  /// `.double(tensor)`
  @inlinable public static func _erase(_ tensor: Tensor<Double>) -> AnyTensor { .double(tensor) }
  /// The tensor if `tensor` is `.double`.
  @inlinable public static func _unerase(_ tensor: AnyTensor) -> Tensor<Double>? {
    if case .double(let t) = tensor { return t }
    return nil
  }
}

/// A tensor of either scalar type, as stored in ``Grads`` (which holds the gradients of
/// `Float` and `Double` parameters side by side).
public enum AnyTensor: Sendable, CustomStringConvertible {
  /// A `Tensor<Float>`.
  case float(Tensor<Float>)
  /// A `Tensor<Double>`.
  case double(Tensor<Double>)
  /// A tensor of any other scalar type, such as `Tensor<Dual<Double>>` in a Hessian.
  case other(any _ErasedTensor)

  /// Wraps `tensor`.
  @inlinable public init<S: TensorScalar>(_ tensor: Tensor<S>) { self = S._erase(tensor) }

  /// The tensor, if it holds scalars of type `S`.
  @inlinable public func tensor<S: TensorScalar>(of type: S.Type = S.self) -> Tensor<S>? {
    S._unerase(self)
  }

  /// The shape of the wrapped tensor.
  public var shape: [Int] {
    switch self {
    case .float(let t): t.shape
    case .double(let t): t.shape
    case .other(let t): t.shape
    }
  }

  /// The wrapped tensor's description.
  public var description: String {
    switch self {
    case .float(let t): t.description
    case .double(let t): t.description
    case .other(let t): t.description
    }
  }

  /// Adds `other` into `self` (both must hold the same scalar type and shape).
  @usableFromInline mutating func accumulate(_ other: AnyTensor) {
    switch (self, other) {
    case (.float(var a), .float(let b)):
      self = .double(Tensor<Double>(0))  // drop the reference so `a` is uniquely owned
      a.accumulate(b)
      self = .float(a)
    case (.double(var a), .double(let b)):
      self = .float(Tensor<Float>(0))
      a.accumulate(b)
      self = .double(a)
    case (.other(let a), .other(let b)):
      self = .other(a._adding(b))
    default:
      preconditionFailure("Grads: one parameter received gradients of two scalar types")
    }
  }
}

/// A tensor of a scalar type other than `Float` and `Double`, behind an existential, so that
/// ``AnyTensor`` can hold it (see ``_ErasedTensorOf``).
public protocol _ErasedTensor: Sendable, CustomStringConvertible {
  /// The tensor's shape.
  var shape: [Int] { get }
  /// The sum of this tensor and `other`, which must hold the same scalar type.
  func _adding(_ other: any _ErasedTensor) -> any _ErasedTensor
}

/// A `Tensor<Scalar>` as an ``_ErasedTensor``.
public struct _ErasedTensorOf<Scalar: TensorScalar>: _ErasedTensor {
  /// The wrapped tensor.
  public var tensor: Tensor<Scalar>
  /// Wraps `tensor`.
  @inlinable public init(_ tensor: Tensor<Scalar>) { self.tensor = tensor }
  /// The tensor's shape.
  public var shape: [Int] { tensor.shape }
  /// The tensor's description.
  public var description: String { tensor.description }
  /// `self + other`.
  public func _adding(_ other: any _ErasedTensor) -> any _ErasedTensor {
    guard let other = other as? _ErasedTensorOf<Scalar> else {
      preconditionFailure("Grads: one parameter received gradients of two scalar types")
    }
    var sum = tensor
    sum.accumulate(other.tensor)
    return _ErasedTensorOf(sum)
  }
}
