// api.md section 8's nested form compiled in Swift 5 language mode: a @Differentiable function
// nested in a test method, capturing its local parameters, called from #gradient(Params(...)).

import XCTest
import Zygote

final class Swift5ParamsInFunctionTests: XCTestCase {
  func testNestedModel() {
    var W = Tensor<Double>(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
    let b = Tensor<Double>([1, 1])
    @Differentiable func predict(_ x: Tensor<Double>) -> Tensor<Double> { tanh(matmul(W, x) * 0.1) + b }
    @Differentiable func loss(_ x: Tensor<Double>) -> Double { (predict(x) * predict(x)).sum() }
    let x = Tensor<Double>([1, 2, 3])
    let g = #gradient(Params([W, b])) { loss(x) }
    // d/dW Σ (tanh(0.1 Wx) + b)² = 2 (tanh(0.1 Wx) + b) (1 − tanh²) 0.1 xᵀ
    let t = tanh(matmul(W, x) * 0.1)
    let rowFactor = 2 * (t + b) * (1 - t * t) * 0.1
    let expected = rowFactor.reshaped(to: [2, 1]) * x
    for (a, e) in zip(g[W]!.scalars, expected.scalars) { XCTAssertEqual(a, e, accuracy: 1e-14) }
    for (a, e) in zip(g[b]!.scalars, (2 * (t + b)).scalars) { XCTAssertEqual(a, e, accuracy: 1e-14) }
    W -= 0.1 * g[W]!
    XCTAssertEqual(#gradient(Params([W])) { loss(x) }[W]?.shape, [2, 3])
  }
}
