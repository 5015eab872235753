// api.md section 8 in Swift 6 language mode (this target's mode): the parameters are locals of a
// function and the model is a @Differentiable function nested in it, capturing them. The
// `#gradient(Params(...))` closure cannot name the nested function's rule, so its calls find
// their rules when the code runs (RecordingPrologue.swift, Params/PullbackRecording.swift).

import Foundation
import XCTest
import Zygote

/// A global function called from a closure inside a function goes through the same path.
@Differentiable
func paramsInFunctionScale(_ t: Tensor<Double>, _ k: Double) -> Tensor<Double> { t * k }

final class ParamsInFunctionTests: XCTestCase {
  /// The seed's example, word for word as api.md section 8 writes it for Swift 6.
  func testSeedExampleWithANestedFunction() {
    var W = Tensor<Double>(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
    var b = Tensor<Double>([1, 1])
    @Differentiable func predict(_ x: Tensor<Double>) -> Tensor<Double> { matmul(W, x) + b }
    let g = #gradient(Params([W, b])) { predict(Tensor([1, 2, 3])).sum() }
    XCTAssertEqual(g[W], Tensor(shape: [2, 3], scalars: [1, 2, 3, 1, 2, 3]))
    XCTAssertEqual(g[b], Tensor([1, 1]))
    let id = W.parameterID
    W -= 0.1 * g[W]!
    b -= 0.5 * g[b]!
    XCTAssertEqual(W.parameterID, id)
    XCTAssertEqual(W, Tensor(shape: [2, 3], scalars: [0.9, 1.8, 2.7, 3.9, 4.8, 5.7]))
    // The nested function sees the updated W and b; the gradient is the same (the loss is linear).
    XCTAssertEqual(predict(Tensor([1, 2, 3])).sum(), 0.9 + 3.6 + 8.1 + 0.5 + 3.9 + 9.6 + 17.1 + 0.5, accuracy: 1e-12)
    let g2 = #gradient(Params([W, b])) { predict(Tensor([1, 2, 3])).sum() }
    XCTAssertEqual(g2[W], Tensor(shape: [2, 3], scalars: [1, 2, 3, 1, 2, 3]))
    XCTAssertEqual(g2[b], Tensor([1, 1]))
  }

  /// Nested functions calling nested and global functions, with arguments computed from the
  /// parameters, against central differences of the loss in every parameter scalar.
  func testNestedFunctionsCallingEachOtherMatchFiniteDifferences() {
    let W1 = Tensor<Double>(shape: [3, 2], scalars: [0.5, -0.3, 0.8, 0.1, -0.6, 0.4])
    let W2 = Tensor<Double>(shape: [1, 3], scalars: [0.7, -0.2, 0.9])
    let x = Tensor<Double>([0.4, -1.1])
    @Differentiable func layer(_ h: Tensor<Double>) -> Tensor<Double> { tanh(matmul(W1, h)) }
    @Differentiable func head(_ h: Tensor<Double>, _ scale: Double) -> Tensor<Double> {
      paramsInFunctionScale(matmul(W2, h), scale)
    }
    @Differentiable func model(_ input: Tensor<Double>) -> Double { (head(layer(input), 1.5) * head(layer(input), 0.5)).sum() }
    let g = #gradient(Params([W1, W2])) { model(x) + (layer(x) * layer(x)).sum() }

    func loss(_ w1: Tensor<Double>, _ w2: Tensor<Double>) -> Double {
      let h = tanh(matmul(w1, x))
      let y = matmul(w2, h)
      return (y * 1.5 * (y * 0.5)).sum() + (h * h).sum()
    }
    let step = 1e-6
    for (name, parameter, gradient) in [("W1", W1, g[W1]), ("W2", W2, g[W2])] {
      XCTAssertEqual(gradient?.shape, parameter.shape, name)
      for k in 0..<parameter.scalarCount {
        var plus = parameter.scalars
        var minus = parameter.scalars
        plus[k] += step
        minus[k] -= step
        let up = name == "W1" ? loss(Tensor(shape: W1.shape, scalars: plus), W2) : loss(W1, Tensor(shape: W2.shape, scalars: plus))
        let down = name == "W1" ? loss(Tensor(shape: W1.shape, scalars: minus), W2) : loss(W1, Tensor(shape: W2.shape, scalars: minus))
        XCTAssertEqual(gradient?.scalars[k] ?? .nan, (up - down) / (2 * step), accuracy: 1e-7, "\(name)[\(k)]")
      }
    }
  }

  /// A recursive nested function with an argument label: plain calls and recorded calls.
  func testRecursiveNestedFunction() {
    let W = Tensor<Double>([0.5, -0.25])
    @Differentiable func repeated(_ t: Tensor<Double>, times n: Int) -> Tensor<Double> {
      if n == 0 { return t }
      return repeated(t * W, times: n - 1)
    }
    XCTAssertEqual(repeated(Tensor([1, 1]), times: 3), Tensor([0.125, -0.015625]))
    // Σ W³: the gradient is 3W².
    let g = #gradient(Params([W])) { repeated(Tensor([1, 1]), times: 3).sum() }
    XCTAssertEqual(g[W], Tensor([0.75, 0.1875]))
  }

  /// A parameter that the loss never reads has no gradient, through nested functions too.
  func testUnusedParameterIsNil() {
    let W = Tensor<Double>([1, 2])
    let unused = Tensor<Double>([3])
    @Differentiable func f(_ t: Tensor<Double>) -> Tensor<Double> { t * W }
    let g = #gradient(Params([W, unused])) { f(Tensor([1, 1])).sum() }
    XCTAssertEqual(g[W], Tensor([1, 1]))
    XCTAssertNil(g[unused])
  }

  /// Two threads run recording calls at the same time: each thread's pending recorder is its own.
  func testTwoThreadsDoNotMix() {
    let results = TensorTestThreadResults()
    let done = DispatchSemaphore(value: 0)
    for thread in 0..<2 {
      let t = Thread {
        let W = Tensor<Double>([Double(thread + 1), 1])
        @Differentiable func scaled(_ t: Tensor<Double>) -> Tensor<Double> { t * W * Double(thread + 1) }
        var last: [Double] = []
        for _ in 0..<300 {
          let g = #gradient(Params([W])) { scaled(Tensor([1, 2])).sum() }
          last = g[W]?.scalars ?? []
          if last != [Double(thread + 1), Double(2 * (thread + 1))] { break }
        }
        results.record(thread, last)
        done.signal()
      }
      t.start()
    }
    done.wait()
    done.wait()
    XCTAssertEqual(results.values[0], [1, 2])
    XCTAssertEqual(results.values[1], [2, 4])
  }

  /// A plain call of a @Differentiable function (no recording waiting) runs its body as
  /// written, including a single-expression body's implicit return.
  func testPlainCallsRunTheBodyAsWritten() {
    let k = 3.0
    @Differentiable func triple(_ v: Double) -> Double { v * k }
    XCTAssertEqual(triple(2), 6)
    XCTAssertEqual(paramsInFunctionScale(Tensor([1, 2]), 2), Tensor([2, 4]))
    XCTAssertNil(_takePullbackRecorder(for: "triple"))
  }
}
