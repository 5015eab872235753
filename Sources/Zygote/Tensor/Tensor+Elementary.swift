// Elementwise functions and the softmax family. Each is a free function, as in api.md §7
// (`exp(t)`, `relu(t)`), so that generated code reaches its rule as `_vjp(exp: t)`.

/// `e^x` elementwise.
@inlinable public func exp<Scalar>(_ x: Tensor<Scalar>) -> Tensor<Scalar> { x.map { Scalar._exp($0) } }

/// The natural logarithm elementwise (`-inf` at 0, NaN below).
@inlinable public func log<Scalar>(_ x: Tensor<Scalar>) -> Tensor<Scalar> { x.map { Scalar._log($0) } }

/// The square root elementwise.
@inlinable public func sqrt<Scalar>(_ x: Tensor<Scalar>) -> Tensor<Scalar> { x.map { $0.squareRoot() } }

/// `x^p` elementwise, for a scalar exponent.
@inlinable public func pow<Scalar>(_ x: Tensor<Scalar>, _ p: Scalar) -> Tensor<Scalar> {
  if p == 2 { return x.map { $0 * $0 } }
  return x.map { Scalar._pow($0, p) }
}

/// `x^y` elementwise, the shapes broadcast against each other.
@inlinable public func pow<Scalar>(_ x: Tensor<Scalar>, _ y: Tensor<Scalar>) -> Tensor<Scalar> {
  _broadcastBinary(x, y) { Scalar._pow($0, $1) }
}

/// The hyperbolic tangent elementwise.
@inlinable public func tanh<Scalar>(_ x: Tensor<Scalar>) -> Tensor<Scalar> { x.map { Scalar._tanh($0) } }

/// The logistic function `σ(x) = 1 / (1 + e^-x)` elementwise, computed without overflow for
/// large `|x|`.
@inlinable public func sigmoid<Scalar>(_ x: Tensor<Scalar>) -> Tensor<Scalar> {
  x.map { _sigmoid($0) }
}

/// `σ(x)` for one scalar: `1/(1+e^-x)` for `x ≥ 0`, `e^x/(1+e^x)` below (no overflow).
@inlinable @inline(__always) internal func _sigmoid<Scalar: TensorScalar>(_ x: Scalar) -> Scalar {
  if x >= 0 { return 1 / (1 + Scalar._exp(-x)) }
  let e = Scalar._exp(x)
  return e / (1 + e)
}

/// The rectified linear unit `max(x, 0)` elementwise.
@inlinable public func relu<Scalar>(_ x: Tensor<Scalar>) -> Tensor<Scalar> { x.map { $0 > 0 ? $0 : 0 } }

/// The leaky rectified linear unit elementwise: `x` for `x > 0`, `alpha·x` otherwise.
@inlinable public func leakyRelu<Scalar>(_ x: Tensor<Scalar>, alpha: Scalar = 0.01) -> Tensor<Scalar> {
  x.map { $0 > 0 ? $0 : alpha * $0 }
}

/// `softplus(x) = ln(1 + e^x)` elementwise, computed as `max(x, 0) + ln(1 + e^-|x|)`.
@inlinable public func softplus<Scalar>(_ x: Tensor<Scalar>) -> Tensor<Scalar> {
  x.map { Swift.max($0, 0) + Scalar._log1p(Scalar._exp(-Swift.abs($0))) }
}

/// The softmax along the last axis: `softmax(x)[…, i] = e^x[…, i] / Σ_j e^x[…, j]`.
///
/// Each row is shifted by its maximum first, so large logits do not overflow. A rank-0 tensor
/// is treated as a single row of one element (its softmax is 1).
@inlinable public func softmax<Scalar>(_ x: Tensor<Scalar>) -> Tensor<Scalar> {
  _softmaxRows(x, logarithm: false)
}

/// The logarithm of the softmax along the last axis:
/// `logSoftmax(x)[…, i] = x[…, i] − ln Σ_j e^x[…, j]`, computed stably (log-sum-exp).
@inlinable public func logSoftmax<Scalar>(_ x: Tensor<Scalar>) -> Tensor<Scalar> {
  _softmaxRows(x, logarithm: true)
}

/// Softmax or log-softmax of every row (the last axis).
@inlinable internal func _softmaxRows<Scalar: TensorScalar>(_ x: Tensor<Scalar>, logarithm: Bool) -> Tensor<Scalar> {
  let width = x.shape.last ?? 1
  let rows = width == 0 ? 0 : x.scalarCount / width
  return x.withUnsafeBufferPointer { source in
    Tensor(shape: x.shape) { out in
      for r in 0..<rows {
        let row = source.baseAddress! + r * width
        let result = out.baseAddress! + r * width
        var largest = row[0]
        for j in 1..<Swift.max(width, 1) { largest = Swift.max(largest, row[j]) }
        var total: Scalar = 0
        for j in 0..<width {
          let e = Scalar._exp(row[j] - largest)
          result.advanced(by: j).initialize(to: e)
          total += e
        }
        if logarithm {
          let logTotal = Scalar._log(total) + largest
          for j in 0..<width { result[j] = row[j] - logTotal }
        } else {
          let scale = 1 / total
          for j in 0..<width { result[j] *= scale }
        }
      }
    }
  }
}
