// Elementwise arithmetic: tensor ⊕ tensor with broadcasting, tensor ⊕ scalar on either side,
// negation, and compound assignment in place (which keeps the left operand's identity).

extension Tensor {
  /// `op(x)` for every scalar `x`, as a new tensor of the same shape.
  @inlinable public func map(_ op: (Scalar) -> Scalar) -> Tensor {
    withUnsafeBufferPointer { x in
      Tensor(shape: _shape) { out in
        for i in 0..<out.count { (out.baseAddress! + i).initialize(to: op(x[i])) }
      }
    }
  }

  /// `op(x, y)` for every pair of scalars, the shapes broadcast against each other.
  @inlinable public func zipMap(_ other: Tensor, _ op: (Scalar, Scalar) -> Scalar) -> Tensor {
    _broadcastBinary(self, other, op)
  }
}

extension Tensor {
  // MARK: Tensor ⊕ Tensor

  /// Elementwise sum, broadcasting by trailing dimensions: `[2, 3] + [3]` adds the vector to
  /// each row.
  @inlinable public static func + (lhs: Tensor, rhs: Tensor) -> Tensor {
    _broadcastBinary(lhs, rhs) { $0 + $1 }
  }
  /// Elementwise difference, broadcasting by trailing dimensions.
  @inlinable public static func - (lhs: Tensor, rhs: Tensor) -> Tensor {
    _broadcastBinary(lhs, rhs) { $0 - $1 }
  }
  /// Elementwise (Hadamard) product, broadcasting by trailing dimensions.
  @inlinable public static func * (lhs: Tensor, rhs: Tensor) -> Tensor {
    _broadcastBinary(lhs, rhs) { $0 * $1 }
  }
  /// Elementwise quotient, broadcasting by trailing dimensions.
  @inlinable public static func / (lhs: Tensor, rhs: Tensor) -> Tensor {
    _broadcastBinary(lhs, rhs) { $0 / $1 }
  }

  // MARK: Tensor ⊕ Scalar

  /// Adds `rhs` to every scalar.
  @inlinable public static func + (lhs: Tensor, rhs: Scalar) -> Tensor { lhs.map { $0 + rhs } }
  /// Subtracts `rhs` from every scalar.
  @inlinable public static func - (lhs: Tensor, rhs: Scalar) -> Tensor { lhs.map { $0 - rhs } }
  /// Multiplies every scalar by `rhs`.
  @inlinable public static func * (lhs: Tensor, rhs: Scalar) -> Tensor { lhs.map { $0 * rhs } }
  /// Divides every scalar by `rhs`.
  @inlinable public static func / (lhs: Tensor, rhs: Scalar) -> Tensor { lhs.map { $0 / rhs } }

  // MARK: Scalar ⊕ Tensor

  /// Adds `lhs` to every scalar.
  @inlinable public static func + (lhs: Scalar, rhs: Tensor) -> Tensor { rhs.map { lhs + $0 } }
  /// `lhs - x` for every scalar `x`.
  @inlinable public static func - (lhs: Scalar, rhs: Tensor) -> Tensor { rhs.map { lhs - $0 } }
  /// Multiplies every scalar by `lhs`: `0.1 * g[W]!`.
  @inlinable public static func * (lhs: Scalar, rhs: Tensor) -> Tensor { rhs.map { lhs * $0 } }
  /// `lhs / x` for every scalar `x`.
  @inlinable public static func / (lhs: Scalar, rhs: Tensor) -> Tensor { rhs.map { lhs / $0 } }

  // MARK: Unary

  /// Negates every scalar.
  @inlinable public static prefix func - (operand: Tensor) -> Tensor { operand.map { -$0 } }
  /// The tensor's value, with a new identity (the result of an operation).
  @inlinable public static prefix func + (operand: Tensor) -> Tensor { operand.withNewIdentity() }

  // MARK: Compound assignment (in place; the left operand keeps its identity)

  /// Adds `rhs` into `lhs` in place. `rhs` may broadcast to `lhs`'s shape; if instead the
  /// broadcast shape is larger than `lhs`'s, `lhs` becomes `lhs + rhs` (same identity).
  @inlinable public static func += (lhs: inout Tensor, rhs: Tensor) {
    lhs._assign(rhs) { $0 += $1 } fallback: { $0 + $1 }
  }
  /// Subtracts `rhs` from `lhs` in place (as for `+=`): `W -= 0.1 * g[W]!` keeps `W`'s identity.
  @inlinable public static func -= (lhs: inout Tensor, rhs: Tensor) {
    lhs._assign(rhs) { $0 -= $1 } fallback: { $0 - $1 }
  }
  /// Multiplies `lhs` by `rhs` elementwise, in place (as for `+=`).
  @inlinable public static func *= (lhs: inout Tensor, rhs: Tensor) {
    lhs._assign(rhs) { $0 *= $1 } fallback: { $0 * $1 }
  }
  /// Divides `lhs` by `rhs` elementwise, in place (as for `+=`).
  @inlinable public static func /= (lhs: inout Tensor, rhs: Tensor) {
    lhs._assign(rhs) { $0 /= $1 } fallback: { $0 / $1 }
  }
  /// Adds `rhs` to every scalar of `lhs`, in place.
  @inlinable public static func += (lhs: inout Tensor, rhs: Scalar) {
    lhs.withUnsafeMutableBufferPointer { for i in $0.indices { $0[i] += rhs } }
  }
  /// Subtracts `rhs` from every scalar of `lhs`, in place.
  @inlinable public static func -= (lhs: inout Tensor, rhs: Scalar) {
    lhs.withUnsafeMutableBufferPointer { for i in $0.indices { $0[i] -= rhs } }
  }
  /// Multiplies every scalar of `lhs` by `rhs`, in place.
  @inlinable public static func *= (lhs: inout Tensor, rhs: Scalar) {
    lhs.withUnsafeMutableBufferPointer { for i in $0.indices { $0[i] *= rhs } }
  }
  /// Divides every scalar of `lhs` by `rhs`, in place.
  @inlinable public static func /= (lhs: inout Tensor, rhs: Scalar) {
    lhs.withUnsafeMutableBufferPointer { for i in $0.indices { $0[i] /= rhs } }
  }

  /// In place when `rhs` broadcasts to `self`'s shape; otherwise `self = fallback(self, rhs)`
  /// with `self`'s identity kept.
  @inlinable internal mutating func _assign(
    _ rhs: Tensor, _ op: (inout Scalar, Scalar) -> Void,
    fallback: (Tensor, Tensor) -> Tensor
  ) {
    if rhs._shape == _shape || broadcastShape(_shape, rhs._shape) == _shape {
      _broadcastInPlace(&self, rhs, op)
    } else {
      let id = _id
      self = fallback(self, rhs)
      _id = id
    }
  }
}
