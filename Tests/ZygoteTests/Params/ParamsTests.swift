// Implicit parameters: Params, Grads, the gradient context, and the `_vjp(implicit:)` rules,
// driven by hand-written code in the shape the generator emits for
// `#gradient(Params([W, b])) { ... }`.

import Dispatch
import Foundation
import XCTest
import Zygote

/// A class instance: not Differentiable, so reading it implicitly has a NoTangent pullback.
private final class TensorTestModelBox {
  var weight = Tensor<Double>([1, 2])
}

/// Collects results from test threads.
final class TensorTestThreadResults: @unchecked Sendable {
  let lock = NSLock()
  var values: [Int: [Double]] = [:]
  func record(_ thread: Int, _ value: [Double]) {
    lock.lock()
    values[thread] = value
    lock.unlock()
  }
}

final class ParamsTests: XCTestCase {
  /// api.md §8: `#gradient(Params([W, b])) { predict(Tensor([1, 2, 3])).sum() }` with
  /// `predict(x) = matmul(W, x) + b`: g[W] = [[1, 2, 3], [1, 2, 3]], g[b] = [1, 1].
  func testSeedExample() {
    var W = Tensor<Double>(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
    let b = Tensor<Double>([1, 1])
    // What the generator makes of `@Differentiable func predict(_ x:) { matmul(W, x) + b }`
    // nested in a function capturing W and b.
    func _vjp_predict(_ x: Tensor<Double>) -> (value: Tensor<Double>, pullback: (Tensor<Double>) -> Tensor<Double>) {
      let (v1, pb1) = _vjp(implicit: W)
      let (v2, pb2) = _vjp(matmul: v1, x)
      let (v3, pb3) = _vjp(implicit: b)
      let (v4, pb4) = _vjp(__add: v2, v3)
      return (
        v4,
        { d4 in
          let (d2, d3) = pb4(d4)
          pb3(d3)
          let (d1, dx) = pb2(d2)
          pb1(d1)
          return dx
        }
      )
    }
    let g = _gradient(params: Params([W, b])) { () -> (value: Double, pullback: (Double) -> Void) in
      let (v1, pb1) = _vjp_predict(Tensor([1, 2, 3]))
      let (v2, pb2) = v1._vjpm(sum: ())
      return (v2, { d2 in _ = pb1(pb2(d2)) })
    }
    XCTAssertEqual(g[W], Tensor(shape: [2, 3], scalars: [1, 2, 3, 1, 2, 3]))
    XCTAssertEqual(g[b], Tensor([1, 1]))
    XCTAssertEqual(g[W]?.description, "[[1.0, 2.0, 3.0], [1.0, 2.0, 3.0]]")

    // The update keeps W's identity, so the same Params still names it.
    let id = W.parameterID
    W -= 0.1 * g[W]!
    XCTAssertEqual(W.parameterID, id)
    XCTAssertEqual(W, Tensor(shape: [2, 3], scalars: [0.9, 1.8, 2.7, 3.9, 4.8, 5.7]))
    let (value, g2) = _valueWithGradient(params: Params([W, b])) { () -> (value: Double, pullback: (Double) -> Void) in
      let (v1, pb1) = _vjp_predict(Tensor([1, 2, 3]))
      let (v2, pb2) = v1._vjpm(sum: ())
      return (v2, { d2 in _ = pb1(pb2(d2)) })
    }
    XCTAssertEqual(value, 1.0 * 0.9 + 2 * 1.8 + 3 * 2.7 + 1 + 1 * 3.9 + 2 * 4.8 + 3 * 5.7 + 1, accuracy: 1e-12)
    XCTAssertEqual(g2[W], Tensor(shape: [2, 3], scalars: [1, 2, 3, 1, 2, 3]))
  }

  /// The closure's type need not be written: the loss type is inferred from its body.
  func testClosureTypeIsInferred() {
    let W = Tensor<Double>([1, 2, 3])
    let g = _gradient(params: Params([W])) {
      let (v1, pb1) = _vjp(implicit: W)
      let (v2, pb2) = _vjp(__multiply: v1, v1)
      let (v3, pb3) = v2._vjpm(sum: ())
      return (value: v3, pullback: { d3 in
        let (da, db) = pb2(pb3(d3))
        var d1 = da
        d1.accumulate(db)
        pb1(d1)
      })
    }
    XCTAssertEqual(g[W], Tensor([2, 4, 6]))
  }

  func testUnusedParameterIsNil() {
    let W = Tensor<Double>([1, 2])
    let unused = Tensor<Double>([3, 4])
    let notAParameter = Tensor<Double>([5])
    let g = _gradient(params: Params([W, unused])) { () -> (value: Double, pullback: (Double) -> Void) in
      let (v1, pb1) = _vjp(implicit: W)
      let (v2, pb2) = v1._vjpm(sum: ())
      return (v2, { pb1(pb2($0)) })
    }
    XCTAssertEqual(g[W], Tensor([1, 1]))
    XCTAssertNil(g[unused])
    XCTAssertNil(g[notAParameter])
    XCTAssertEqual(g.count, 1)
    XCTAssertEqual(g.params.count, 2)
  }

  /// A tensor read that is not in Params gets no gradient, and a parameter read twice gets the
  /// sum of both contributions.
  func testOnlyTrackedParametersAccumulate() {
    let W = Tensor<Double>([1, 2])
    let other = Tensor<Double>([3, 4])
    let g = _gradient(params: Params([W])) { () -> (value: Double, pullback: (Double) -> Void) in
      let (v1, pb1) = _vjp(implicit: W)
      let (v2, pb2) = _vjp(implicit: other)
      let (v3, pb3) = _vjp(implicit: W)
      let (v4, pb4) = _vjp(__multiply: v1, v2)
      let (v5, pb5) = _vjp(__add: v4, v3)
      let (v6, pb6) = v5._vjpm(sum: ())
      return (v6, { d6 in
        let (d4, d3) = pb5(pb6(d6))
        pb3(d3)
        let (d1, d2) = pb4(d4)
        pb2(d2)
        pb1(d1)
      })
    }
    XCTAssertEqual(g[W], Tensor([4, 5]))  // other + 1
    XCTAssertNil(g[other])
  }

  func testIdentity() {
    var W = Tensor<Double>(shape: [2, 2], scalars: [1, 2, 3, 4])
    let id = W.parameterID
    let copy = W
    XCTAssertEqual(copy.parameterID, id, "a copy is the same value, with the same identity")
    W += Tensor([1, 1])
    W -= 0.5 * Tensor(shape: [2, 2], repeating: 1)
    W *= 2
    W /= Tensor(2.0)
    W[0] = Tensor([7, 8])
    W[1..<2] = Tensor(shape: [1, 2], scalars: [9, 10])
    W.withUnsafeMutableBufferPointer { $0[0] = 0 }
    W.accumulate(Tensor(shape: [2, 2], repeating: 1))
    XCTAssertEqual(W.parameterID, id, "mutation in place keeps the identity")
    XCTAssertEqual(W, Tensor(shape: [2, 2], scalars: [1, 9, 10, 11]))
    XCTAssertEqual(copy, Tensor(shape: [2, 2], scalars: [1, 2, 3, 4]), "copy-on-write: the copy is unchanged")
    // A compound assignment that changes the shape still keeps the identity.
    var v = Tensor<Double>([1, 2])
    let vid = v.parameterID
    v += Tensor(shape: [2, 2], scalars: [1, 1, 1, 1])
    XCTAssertEqual(v.shape, [2, 2])
    XCTAssertEqual(v.parameterID, vid)
    // Results of operations are new values.
    for result in [W + W, W * 1, -W, W.transposed(), W.reshaped(to: [4]), W[0], +W, W.withNewIdentity()] {
      XCTAssertNotEqual(result.parameterID, id)
    }
    XCTAssertNotEqual(Tensor<Double>([1]).parameterID, Tensor<Double>([1]).parameterID)
  }

  func testParamsOrderAndDuplicates() {
    let a = Tensor<Float>([1])
    let b = Tensor<Float>([2])
    var p = Params([a, b, a])
    XCTAssertEqual(p.ids, [a.parameterID, b.parameterID])
    XCTAssertTrue(p.contains(a))
    XCTAssertFalse(p.contains(Tensor<Float>([1])))
    let c = Tensor<Double>([3])
    p.append(c)  // Float and Double parameters can be mixed
    XCTAssertEqual(Array(p), [a.parameterID, b.parameterID, c.parameterID])
    XCTAssertEqual(p.count, 3)
  }

  func testGradsIterationAndMerge() {
    let a = Tensor<Double>([1, 2])
    let b = Tensor<Double>([3])
    let c = Tensor<Float>([4])
    let g1 = Grads(params: Params([a, b]), gradients: [a.parameterID: AnyTensor(Tensor<Double>([1, 1]))])
    var g2 = Grads(params: Params([b]), gradients: [b.parameterID: AnyTensor(Tensor<Double>([5]))])
    g2.accumulate(AnyTensor(Tensor<Double>([0.5, 0.5])), for: a.parameterID)
    g2.accumulate(AnyTensor(Tensor<Float>([2])), for: c.parameterID)
    let sum = g1 + g2
    XCTAssertEqual(sum[a], Tensor([1.5, 1.5]))
    XCTAssertEqual(sum[b], Tensor([5]))
    XCTAssertEqual(sum[c], Tensor<Float>([2]))
    XCTAssertNil(sum[Tensor<Double>(c.scalars.map(Double.init))], "another value is not a parameter")
    XCTAssertEqual(sum.params.ids, [a.parameterID, b.parameterID, c.parameterID])
    let pairs = Array(sum)
    XCTAssertEqual(pairs.map(\.id), [a.parameterID, b.parameterID, c.parameterID])
    XCTAssertEqual(pairs[0].gradient.tensor(of: Double.self), Tensor([1.5, 1.5]))
    XCTAssertNil(pairs[2].gradient.tensor(of: Double.self))
    XCTAssertEqual(sum[id: c.parameterID]?.shape, [1])
    XCTAssertEqual(g1.description, "Grads(\(a.parameterID): [1.0, 1.0], \(b.parameterID): nothing)")
  }

  /// A loss may be a Float, or a rank-0 Tensor (seeded with ones of its shape).
  func testFloatAndRankZeroTensorLosses() {
    let w = Tensor<Float>([1, 2, 3])
    let x = Tensor<Float>([4, 5, 6])
    let g = _gradient(params: Params([w])) { () -> (value: Float, pullback: (Float) -> Void) in
      let (v1, pb1) = _vjp(implicit: w)
      let (v2, pb2) = _vjp(__multiply: v1, x)
      let (v3, pb3) = v2._vjpm(mean: ())
      return (v3, { d3 in pb1(pb2(pb3(d3)).0) })
    }
    XCTAssertEqual(g[w], x * (1 / 3))

    // matmul of two vectors is a rank-0 tensor: the loss itself.
    let (value, g2) = _valueWithGradient(params: Params([w])) { () -> (value: Tensor<Float>, pullback: (Tensor<Float>) -> Void) in
      let (v1, pb1) = _vjp(implicit: w)
      let (v2, pb2) = _vjp(matmul: v1, x)
      return (v2, { d2 in pb1(pb2(d2).0) })
    }
    XCTAssertEqual(value.rank, 0)
    XCTAssertEqual(value.scalar, 32)
    XCTAssertEqual(g2[w], x)
  }

  /// All three `_vjp(implicit:)` overloads resolve without ambiguity, with the pullback type
  /// the generated code expects.
  func testImplicitOverloads() {
    let tensor = Tensor<Double>([1, 2])
    let scalar = 3.0
    let float: Float = 2
    let integer = 4
    let text = "hello"
    let box = TensorTestModelBox()
    let function: (Double) -> Double = { $0 * 2 }
    let (v1, pb1) = _vjp(implicit: tensor)
    let (v2, pb2) = _vjp(implicit: scalar)
    let (v3, pb3) = _vjp(implicit: float)
    let (v4, pb4) = _vjp(implicit: integer)
    let (v5, pb5) = _vjp(implicit: text)
    let (v6, pb6) = _vjp(implicit: box)
    let (v7, pb7) = _vjp(implicit: function)
    let _: (Tensor<Double>) -> Void = pb1
    let _: (Double) -> Void = pb2
    let _: (Float) -> Void = pb3
    let _: (NoTangent) -> Void = pb4
    let _: (NoTangent) -> Void = pb5
    let _: (NoTangent) -> Void = pb6
    let _: (NoTangent) -> Void = pb7
    XCTAssertEqual(v1, tensor)
    XCTAssertEqual(v2, 3)
    XCTAssertEqual(v3, 2)
    XCTAssertEqual(v4, 4)
    XCTAssertEqual(v5, "hello")
    XCTAssertTrue(v6 === box)
    XCTAssertEqual(v7(1), 2)
    // Outside any gradient, the pullbacks do nothing (and do not crash).
    pb1(Tensor([1, 1]))
    pb2(1)
    pb3(1)
    pb4(NoTangent())
    pb5(NoTangent())
    pb6(NoTangent())
    pb7(NoTangent())
    XCTAssertEqual(box.weight, Tensor([1, 2]))
  }

  /// A gradient taken inside another gradient's body collects only its own parameters; the
  /// outer one is unaffected.
  func testNestedGradients() {
    let W = Tensor<Double>([1, 2])
    let b = Tensor<Double>([3, 4])
    var inner: Grads?
    let outer = _gradient(params: Params([W, b])) { () -> (value: Double, pullback: (Double) -> Void) in
      let (v1, pb1) = _vjp(implicit: W)
      inner = _gradient(params: Params([b])) { () -> (value: Double, pullback: (Double) -> Void) in
        let (u1, qb1) = _vjp(implicit: b)
        let (u2, qb2) = _vjp(implicit: W)
        let (u3, qb3) = _vjp(__multiply: u1, u2)
        let (u4, qb4) = u3._vjpm(sum: ())
        return (u4, { d in
          let (d1, d2) = qb3(qb4(d))
          qb2(d2)
          qb1(d1)
        })
      }
      let (v2, pb2) = _vjp(__multiply: v1, 10.0)
      let (v3, pb3) = v2._vjpm(sum: ())
      return (v3, { d in pb1(pb2(pb3(d)).0) })
    }
    XCTAssertEqual(outer[W], Tensor([10, 10]))
    XCTAssertNil(outer[b])
    XCTAssertEqual(inner?[b], W)
    XCTAssertNil(inner?[W])
  }

  /// Two threads computing gradients at the same time: both contexts are active at once (each
  /// body waits for the other to start before running its pullback), and neither sees the
  /// other's gradients.
  func testTwoThreadsDoNotMix() {
    let results = TensorTestThreadResults()
    let started = [DispatchSemaphore(value: 0), DispatchSemaphore(value: 0)]
    let done = DispatchSemaphore(value: 0)
    for thread in 0..<2 {
      let t = Thread {
        let W = Tensor<Double>([Double(thread + 1), 1])  // thread-local parameter
        var last: [Double] = []
        for round in 0..<200 {
          let g = _gradient(params: Params([W])) { () -> (value: Double, pullback: (Double) -> Void) in
            let (v1, pb1) = _vjp(implicit: W)
            let (v2, pb2) = _vjp(__multiply: v1, Double(thread + 1))
            let (v3, pb3) = v2._vjpm(sum: ())
            if round == 0 {
              // Make sure both contexts are pushed before either pullback runs.
              started[thread].signal()
              started[1 - thread].wait()
            }
            return (v3, { d in pb1(pb2(pb3(d)).0) })
          }
          last = g[W]?.scalars ?? []
          if last != [Double(thread + 1), Double(thread + 1)] { break }
        }
        results.record(thread, last)
        done.signal()
      }
      t.start()
    }
    done.wait()
    done.wait()
    XCTAssertEqual(results.values[0], [1, 1])
    XCTAssertEqual(results.values[1], [2, 2])
  }
}

final class TensorExplicitEntryPointTests: XCTestCase {
  /// A rank-0 Tensor loss works with the explicit entry points too: f(w) = w·x.
  func testRankZeroTensorLossExplicit() {
    let w = Tensor<Double>([1, 2, 3])
    let x = Tensor<Double>([4, 5, 6])
    let g = _gradientOf(_vjp(matmul: w, x))
    XCTAssertEqual(g.0, x)
    XCTAssertEqual(g.1, w)
    let (value, gradient) = _valueWithGradientOf(_vjp(matmul: w, x))
    XCTAssertEqual(value.scalar, 32)
    XCTAssertEqual(gradient.0, x)
    XCTAssertEqual(_unitSeed(like: Tensor<Float>(2)), Tensor<Float>(1))
    // A scalar loss still takes the FloatingPoint entry point.
    XCTAssertEqual(_gradientOf(w._vjpm(sum: ())), Tensor([1, 1, 1]))
  }
}
