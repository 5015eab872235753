// The higher-order entry points compiled in Swift 5 language mode: the generated code (forward
// over reverse, nested forward closures, checkpointed rule calls) must compile in both modes.

import XCTest
import Zygote
import ZygoteMath

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Differentiable
func swift5Rosenbrock<T: ElementaryFloatingPoint>(_ x: [T]) -> T {
  var s: T = 0
  for i in 0..<(x.count - 1) {
    let a = 1 - x[i]
    let b = x[i + 1] - x[i] * x[i]
    s += a * a + 100 * b * b
  }
  return s
}

@Differentiable
func swift5Polar<T: ElementaryFloatingPoint>(_ p: [T]) -> [T] { [p[0] * cos(p[1]), p[0] * sin(p[1])] }

@Differentiable
func swift5Steps(_ x: Double) -> Double {
  var s = x
  for _ in 0..<100 { s = sin(s) + 0.5 * s }
  return s
}

@Differentiable
func swift5Checkpointed(_ x: Double) -> Double { checkpointed(swift5Steps, x) * x }

@Differentiable
func swift5NestedInside<T: ElementaryFloatingPoint>(_ x: T) -> T {
  x * #derivative({ y in x * y }, at: T(1))
}

@Differentiable
func swift5TensorLoss<S: TensorScalar>(_ x: Tensor<S>) -> S {
  let w = Tensor<S>(shape: [2, 2], scalars: [1, 2, 3, 4])
  return (tanh(matmul(w, x)) * dropgrad(x)).sum() + (x * x * x).sum()
}

final class Swift5HigherOrderTests: XCTestCase {
  func testTensorForwardModeAndHessian() {
    let x = Tensor<Double>([0.1, -0.2])
    let w = Tensor<Double>(shape: [2, 2], scalars: [1, 2, 3, 4])
    let y = tanh(matmul(w, x))
    // ∇f = Wᵀ((1 − y²) ⊙ x) + 3x², with dropgrad(x) held constant.
    let gradient = matmul(w.transposed(), (1 - y * y) * x) + 3 * x * x
    XCTAssertEqual(#gradient(swift5TensorLoss, at: x).scalars[0], gradient.scalars[0], accuracy: 1e-15)
    let (value, differential) = #pushforward(swift5TensorLoss, at: x)
    XCTAssertEqual(value, swift5TensorLoss(x), accuracy: 1e-15)
    XCTAssertEqual(differential(Tensor([1, 0])), gradient.scalars[0], accuracy: 1e-15)
    let h = #hessian(swift5TensorLoss, at: x)
    let hv = #hessianVectorProduct(swift5TensorLoss, at: x, direction: Tensor([1, 0]))
    XCTAssertEqual(h.shape, [2, 2])
    XCTAssertEqual(hv.scalars, [h.scalars[0], h.scalars[2]])
    XCTAssertEqual(#jacobian({ (t: Tensor<Double>) in t * 2 }, at: x).count, 2)
  }

  func testForwardModeRuleAndLiftedLevels() {
    XCTAssertEqual(#derivative(swift5NestedInside, at: 4.0), 8)
    XCTAssertEqual(#hessian(swift5NestedInside, at: 4.0), 2)
    XCTAssertEqual(
      #derivative({ x in #derivative({ y in #derivative({ z in x * y * z }, at: 1.0) }, at: 1.0) }, at: 5.0), 1)
  }

  func testHessianJacobianPushforwardNestedAndCheckpointed() {
    // Rosenbrock's Hessian at (1, 2): [[1200 - 800 + 2, -400], [-400, 200]].
    XCTAssertEqual(#hessian(swift5Rosenbrock, at: [1.0, 2.0]), [[402, -400], [-400, 200]])
    XCTAssertEqual(#hessianVectorProduct(swift5Rosenbrock, at: [1.0, 2.0], direction: [0.0, 1.0]), [-400, 200])
    let j = #jacobian(swift5Polar, at: [2.0, 0.5])
    XCTAssertEqual(j[1][1], 2 * cos(0.5), accuracy: 1e-15)
    let (_, df) = #pushforward({ x in x * sin(x) }, at: 1.0)
    XCTAssertEqual(df(1), sin(1.0) + cos(1.0), accuracy: 1e-15)
    XCTAssertEqual(#derivative({ x in x * #derivative({ y in x * y }, at: 1.0) }, at: 4.0), 8)
    XCTAssertEqual(#derivative({ x in #derivative(sin, at: x) }, at: 0.5), -sin(0.5), accuracy: 1e-15)
    let g = #gradient(swift5Checkpointed, at: 0.4)
    let expected = #gradient(swift5Steps, at: 0.4) * 0.4 + swift5Steps(0.4)
    XCTAssertEqual(g, expected, accuracy: 1e-14)
  }
}
