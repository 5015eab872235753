// Implicit parameters in a small training loop: the gradients agree with the explicit API
// (the same rules with the parameters passed as arguments), and updates in place keep the
// parameters' identities so one Params serves every step.

import XCTest
import Zygote

final class ParamsTrainingTests: XCTestCase {
  /// loss(W1, b1, W2) = crossEntropy(relu(x·W1 + b1)·W2, labels), written as the generator would
  /// write it; `read` is `_vjp(implicit:)` for the implicit form and a plain pass-through
  /// collecting the gradient for the explicit form.
  private func lossAndPullback(
    _ W1: Tensor<Double>, _ b1: Tensor<Double>, _ W2: Tensor<Double>, x: Tensor<Double>, labels: [Int]
  ) -> (value: Double, pullback: (Double) -> (Tensor<Double>, Tensor<Double>, Tensor<Double>)) {
    let (h1, p1) = _vjp(matmul: x, W1)
    let (h2, p2) = _vjp(__add: h1, b1)
    let (h3, p3) = _vjp(relu: h2)
    let (h4, p4) = _vjp(matmul: h3, W2)
    let (loss, p5) = _vjp(crossEntropy: h4, labels)
    return (
      loss,
      { d in
        let (d4, _) = p5(d)
        let (d3, dW2) = p4(d4)
        let d2 = p3(d3)
        let (d1, db1) = p2(d2)
        let (_, dW1) = p1(d1)
        return (dW1, db1, dW2)
      }
    )
  }

  func testImplicitMatchesExplicitAndTrains() {
    var W1 = Tensor<Double>.glorotUniform(shape: [2, 16], seed: 1)
    var b1 = Tensor<Double>.zeros(shape: [16])
    var W2 = Tensor<Double>.glorotUniform(shape: [16, 2], seed: 2)
    // XOR: not linearly separable, so the hidden layer has to learn.
    let x = Tensor<Double>(shape: [4, 2], scalars: [0, 0, 0, 1, 1, 0, 1, 1]) * 2 - 1
    let labels = [0, 1, 1, 0]
    let params = Params([W1, b1, W2])
    var losses: [Double] = []
    for step in 0..<500 {
      let (loss, g) = _valueWithGradient(params: params) { () -> (value: Double, pullback: (Double) -> Void) in
        let (w1, q1) = _vjp(implicit: W1)
        let (c1, q2) = _vjp(implicit: b1)
        let (w2, q3) = _vjp(implicit: W2)
        let (value, pullback) = self.lossAndPullback(w1, c1, w2, x: x, labels: labels)
        return (value, { d in
          let (dW1, db1, dW2) = pullback(d)
          q3(dW2)
          q2(db1)
          q1(dW1)
        })
      }
      if step == 0 {
        let explicit = lossAndPullback(W1, b1, W2, x: x, labels: labels)
        let (dW1, db1, dW2) = explicit.pullback(1)
        XCTAssertEqual(explicit.value, loss)
        XCTAssertEqual(g[W1], dW1)
        XCTAssertEqual(g[b1], db1)
        XCTAssertEqual(g[W2], dW2)
      }
      losses.append(loss)
      W1 -= 0.5 * g[W1]!
      b1 -= 0.5 * g[b1]!
      W2 -= 0.5 * g[W2]!
    }
    XCTAssertLessThan(losses.last!, 0.05, "losses: \(losses.first!) → \(losses.last!)")
    XCTAssertEqual(Params([W1, b1, W2]).ids, params.ids, "identities survive 500 updates")
  }
}
