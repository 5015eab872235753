// Rule for matmul. With C = A·B and incoming gradient G (shape of C):
//   ∂A = G·Bᵀ,  ∂B = Aᵀ·G
// and the vector cases are the same formulas with a vector read as a row or a column.

/// Rule for `matmul(a, b)`:
/// ```
/// 2-D × 2-D:  ∂a = g·bᵀ,          ∂b = aᵀ·g
/// 2-D × 1-D:  ∂a = g ⊗ b (outer),  ∂b = gᵀ·a   (= aᵀ·g)
/// 1-D × 2-D:  ∂a = b·g,            ∂b = a ⊗ g (outer)
/// 1-D × 1-D:  ∂a = g·b,            ∂b = g·a    (g is rank 0)
/// ```
@inlinable public func _vjp<S>(matmul a: Tensor<S>, _ b: Tensor<S>)
  -> (value: Tensor<S>, pullback: (Tensor<S>) -> (Tensor<S>, Tensor<S>))
{
  (
    matmul(a, b),
    { g in
      switch (a.rank, b.rank) {
      case (2, 2):
        return (matmul(g, b.transposed()), matmul(a.transposed(), g))
      case (2, 1):
        return (g.reshaped(to: [g.scalarCount, 1]) * b, matmul(g, a))
      case (1, 2):
        return (matmul(b, g), a.reshaped(to: [a.scalarCount, 1]) * g)
      default:
        let scale = g.scalar
        return (b * scale, a * scale)
      }
    }
  )
}
