// W8, a Hessian-vector product of W6's Rosenbrock over a [Double] of 1,000: H(x)·v.
//   Hand-written: the tridiagonal Hessian applied to v in one loop.
//   Ours: #hessianVectorProduct (forward over reverse: W6's generated pullback run once on
//   Dual<Double> numbers), the function written generic over its scalar.
//   _Differentiation: none (it has no usable second-order differentiation).

import ZygoteMath

/// W6's function, generic over its scalar so that its pullback runs on dual numbers.
@Differentiable
func oursW8<T: ElementaryFloatingPoint>(_ xs: [T]) -> T {
  var s: T = 0
  for i in 0..<(xs.count - 1) {
    let a = xs[i + 1] - xs[i] * xs[i]
    let b = 1 - xs[i]
    s += 100 * a * a + b * b
  }
  return s
}

enum W8 {
  static let name = "W8"

  final class State {
    let xs: [Double]
    let v: [Double]
    /// The hand-written product's output, allocated once.
    var product: [Double]
    init(xs: [Double], v: [Double]) {
      self.xs = xs
      self.v = v
      product = [Double](repeating: 0, count: xs.count)
    }
  }

  /// H(x)·v by hand: for each term 100 aᵢ² + bᵢ² (aᵢ = xᵢ₊₁ - xᵢ², bᵢ = 1 - xᵢ) the Hessian
  /// block on (xᵢ, xᵢ₊₁) is [[1200 xᵢ² - 400 xᵢ₊₁ + 2, -400 xᵢ], [-400 xᵢ, 200]].
  static func handWritten(_ xs: [Double], _ v: [Double], into product: inout [Double]) {
    for i in product.indices { product[i] = 0 }
    for i in 0..<(xs.count - 1) {
      let x0 = xs[i]
      let x1 = xs[i + 1]
      product[i] += (1200 * x0 * x0 - 400 * x1 + 2) * v[i] - 400 * x0 * v[i + 1]
      product[i + 1] += -400 * x0 * v[i] + 200 * v[i + 1]
    }
  }

  static func make() -> Workload {
    var random = SeededGenerator(seed: 8)
    let state = State(xs: random.array(W6.count, in: opaque(-1.5)...1.5), v: random.array(W6.count, in: opaque(-1)...1))
    return Workload(
      name: name, title: "Hessian-vector product, Rosenbrock 1,000",
      forward: { W6.forward(state.xs) },
      handWritten: Gradient(
        value: {
          handWritten(state.xs, state.v, into: &state.product)
          return state.product
        },
        call: {
          handWritten(state.xs, state.v, into: &state.product)
          return state.product[0]
        }),
      ours: Gradient(
        value: { #hessianVectorProduct(oursW8, at: state.xs, direction: state.v) },
        call: { #hessianVectorProduct(oursW8, at: state.xs, direction: state.v)[0] }),
      swiftAD: nil,
      swiftADNote: "_Differentiation has no usable second-order differentiation (no forward over reverse)")
  }
}
