// W8t, a Hessian-vector product through tensor code: f(x) = Σ tanh(W x) for a 256×256 W, H(x)·v.
//   Hand-written: H = Wᵀ diag(−2 t (1 − t²)) W with t = tanh(W x), applied to v as
//   Wᵀ(−2 t (1 − t²) ⊙ W v): two matrix-vector products.
//   Ours: #hessianVectorProduct of a function generic over its tensor scalar (forward over
//   reverse: the generated pullback run once on dual tensors; each dual matrix product is three
//   plain ones). The constant W is converted to the scalar type in every call, as user code does.
//   _Differentiation: none (no second-order differentiation, and Tensor is not its type).

import Zygote

/// Σ tanh(W x), generic over its scalar so that its pullback runs on dual tensors.
@Differentiable
func oursW8t<S: TensorScalar>(_ x: Tensor<S>) -> S {
  let w = Tensor<S>(W8t.weights)
  return tanh(matmul(w, x)).sum()
}

enum W8t {
  static let size = 256

  /// W, a seeded random 256×256 matrix scaled by 1/√256.
  static let weights: Tensor<Double> = {
    var random = SeededGenerator(seed: 87)
    let scale = 1 / Double(size).squareRoot()
    return Tensor(shape: [size, size], scalars: random.array(size * size, in: opaque(-scale)...scale))
  }()

  final class State {
    let w: Tensor<Double>
    let x: Tensor<Double>
    let v: Tensor<Double>
    init(w: Tensor<Double>, x: Tensor<Double>, v: Tensor<Double>) {
      self.w = w
      self.x = x
      self.v = v
    }
  }

  static func forward(_ s: State) -> Double { tanh(matmul(s.w, s.x)).sum() }

  /// H(x)·v by hand with tensor operations.
  static func handWritten(_ s: State) -> Tensor<Double> {
    let t = tanh(matmul(s.w, s.x))
    let curvature = -2 * t * (1 - t * t)
    return matmul(s.w.transposed(), curvature * matmul(s.w, s.v))
  }

  static func make() -> Workload {
    var random = SeededGenerator(seed: 88)
    let state = State(
      w: weights,
      x: Tensor(random.array(size, in: opaque(-1.0)...1)),
      v: Tensor(random.array(size, in: opaque(-1.0)...1)))
    return Workload(
      name: "W8t", title: "Hessian-vector product, Σ tanh(Wx), W 256×256",
      forward: { forward(state) },
      handWritten: Gradient(
        value: { handWritten(state).scalars },
        call: { handWritten(state).withUnsafeBufferPointer { $0[0] } }),
      ours: Gradient(
        value: { ours(state).scalars },
        call: { ours(state).withUnsafeBufferPointer { $0[0] } }),
      swiftAD: nil,
      swiftADNote: "_Differentiation has no usable second-order differentiation, and Tensor is not one of its types")
  }

  static func ours(_ state: State) -> Tensor<Double> {
    #hessianVectorProduct(oursW8t, at: state.x, direction: state.v)
  }
}
