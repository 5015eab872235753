@Differentiable
func loss<S: TensorScalar>(_ z: Tensor<S>) -> Tensor<S> {
  let w = weights(S.self)
  let flat = z.reshaped(to: [1, z.scalarCount])
  let total = matmul(flat, w).scalar + dropgrad(z).sum()
  return Tensor(total)
}
