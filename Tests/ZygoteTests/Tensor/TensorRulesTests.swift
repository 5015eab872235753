// Gradient checks for every tensor rule (Tensor+Rules+*.swift), for Double and Float, with the
// dot-product identity along seeded random directions (TensorGradCheck.swift).

import XCTest
import Zygote

/// Wraps a scalar-valued rule as a rank-0-tensor-valued one for the checker.
private func scalarRule<S: TensorScalar>(
  _ rule: @escaping (Tensor<S>) -> (value: S, pullback: (S) -> Tensor<S>)
) -> (Tensor<S>) -> (value: Tensor<S>, pullback: (Tensor<S>) -> Tensor<S>) {
  { x in
    let (value, pullback) = rule(x)
    return (Tensor(value), { pullback($0.scalar) })
  }
}

/// Distinct values (steps of 0.1, shuffled) so that max/min and kinks are far from ties.
private func distinct<S: TensorScalar>(_ shape: [Int], seed: UInt64) -> Tensor<S> {
  var generator = SeededRandomGenerator(seed: seed)
  let n = shape.reduce(1, *)
  let values = (0..<n).map { S(Double($0) * 0.1 - Double(n) * 0.05) }.shuffled(using: &generator)
  return Tensor(shape: shape, scalars: values)
}

/// Random values with |x| ≥ 0.2, away from the kinks of relu and leakyRelu.
private func awayFromZero<S: TensorScalar>(_ shape: [Int], seed: UInt64) -> Tensor<S> {
  tensorRandom(shape, in: -1..<1, seed: seed).map { $0 >= 0 ? $0 + 0.2 : $0 - 0.2 }
}

/// Pairs of shapes for broadcasting checks: every combination of ranks 0 through 3.
let tensorBroadcastShapePairs: [([Int], [Int])] = [
  ([], []), ([], [3]), ([2, 3], []), ([3], [3]), ([3], [1]), ([1], [4]),
  ([2, 3], [3]), ([3], [2, 3]), ([2, 3], [2, 1]), ([2, 1], [1, 3]), ([2, 3], [2, 3]),
  ([4, 2, 3], [3]), ([2, 3], [4, 2, 3]), ([4, 1, 3], [2, 1]), ([4, 2, 3], []),
  ([4, 2, 3], [4, 1, 1]), ([2, 1, 3], [1, 4, 1]), ([1], [2, 2, 2]),
]

final class TensorRulesTests: XCTestCase {
  func testArithmeticDouble() { checkArithmetic(Double.self) }
  func testArithmeticFloat() { checkArithmetic(Float.self) }
  func testElementaryDouble() { checkElementary(Double.self) }
  func testElementaryFloat() { checkElementary(Float.self) }
  func testReductionsDouble() { checkReductions(Double.self) }
  func testReductionsFloat() { checkReductions(Float.self) }
  func testShapeDouble() { checkShape(Double.self) }
  func testShapeFloat() { checkShape(Float.self) }
  func testMatmulDouble() { checkMatmul(Double.self) }
  func testMatmulFloat() { checkMatmul(Float.self) }
  func testLossesDouble() { checkLosses(Double.self) }
  func testLossesFloat() { checkLosses(Float.self) }

  func checkArithmetic<S: TensorScalar>(_: S.Type) {
    for (n, (sa, sb)) in tensorBroadcastShapePairs.enumerated() {
      let a: Tensor<S> = tensorRandom(sa, seed: UInt64(2 * n))
      let b: Tensor<S> = tensorRandom(sb, seed: UInt64(2 * n + 1))
      let positive: Tensor<S> = tensorRandom(sb, in: 0.5..<2, seed: UInt64(2 * n + 1))
      tensorCheckVJP("add \(sa) \(sb)", at: a, b, { $0 + $1 }, { _vjp(__add: $0, $1) })
      tensorCheckVJP("subtract \(sa) \(sb)", at: a, b, { $0 - $1 }, { _vjp(__subtract: $0, $1) })
      tensorCheckVJP("multiply \(sa) \(sb)", at: a, b, { $0 * $1 }, { _vjp(__multiply: $0, $1) })
      tensorCheckVJP("divide \(sa) \(sb)", at: a, positive, { $0 / $1 }, { _vjp(__divide: $0, $1) })
    }
    // Tensor ⊕ Scalar and Scalar ⊕ Tensor: the scalar travels as a rank-0 tensor.
    let t: Tensor<S> = tensorRandom([2, 3], seed: 40)
    let s: Tensor<S> = Tensor(S(1.7))
    typealias Op = (Tensor<S>, S) -> (value: Tensor<S>, pullback: (Tensor<S>) -> (Tensor<S>, S))
    typealias ROp = (S, Tensor<S>) -> (value: Tensor<S>, pullback: (Tensor<S>) -> (S, Tensor<S>))
    let right: [(String, (Tensor<S>, S) -> Tensor<S>, Op)] = [
      ("t + s", { $0 + $1 }, { _vjp(__add: $0, $1) }),
      ("t - s", { $0 - $1 }, { _vjp(__subtract: $0, $1) }),
      ("t * s", { $0 * $1 }, { _vjp(__multiply: $0, $1) }),
      ("t / s", { $0 / $1 }, { _vjp(__divide: $0, $1) }),
    ]
    for (name, function, rule) in right {
      tensorCheckVJP(
        name, at: [t, s], function: { function($0[0], $0[1].scalar) },
        rule: { inputs in
          let (value, pullback) = rule(inputs[0], inputs[1].scalar)
          return (value, { let (dt, ds) = pullback($0); return [dt, Tensor(ds)] })
        })
    }
    let positive: Tensor<S> = tensorRandom([2, 3], in: 0.5..<2, seed: 41)
    let left: [(String, (S, Tensor<S>) -> Tensor<S>, ROp)] = [
      ("s + t", { $0 + $1 }, { _vjp(__add: $0, $1) }),
      ("s - t", { $0 - $1 }, { _vjp(__subtract: $0, $1) }),
      ("s * t", { $0 * $1 }, { _vjp(__multiply: $0, $1) }),
      ("s / t", { $0 / $1 }, { _vjp(__divide: $0, $1) }),
    ]
    for (name, function, rule) in left {
      tensorCheckVJP(
        name, at: [s, positive], function: { function($0[0].scalar, $0[1]) },
        rule: { inputs in
          let (value, pullback) = rule(inputs[0].scalar, inputs[1])
          return (value, { let (ds, dt) = pullback($0); return [Tensor(ds), dt] })
        })
    }
    tensorCheckVJP("negate", at: t, { -$0 }, { _vjp(__negate: $0) })
    tensorCheckVJP("plus", at: t, { +$0 }, { _vjp(__plus: $0) })
  }

  func checkElementary<S: TensorScalar>(_: S.Type) {
    for shape in [[], [5], [2, 3], [2, 2, 3]] as [[Int]] {
      let x: Tensor<S> = tensorRandom(shape, in: -2..<2, seed: 50)
      let positive: Tensor<S> = tensorRandom(shape, in: 0.5..<2, seed: 51)
      let kinked: Tensor<S> = awayFromZero(shape, seed: 52)
      tensorCheckVJP("exp \(shape)", at: x, { exp($0) }, { _vjp(exp: $0) })
      tensorCheckVJP("log \(shape)", at: positive, { log($0) }, { _vjp(log: $0) })
      tensorCheckVJP("sqrt \(shape)", at: positive, { sqrt($0) }, { _vjp(sqrt: $0) })
      tensorCheckVJP("tanh \(shape)", at: x, { tanh($0) }, { _vjp(tanh: $0) })
      tensorCheckVJP("sigmoid \(shape)", at: x, { sigmoid($0) }, { _vjp(sigmoid: $0) })
      tensorCheckVJP("relu \(shape)", at: kinked, { relu($0) }, { _vjp(relu: $0) })
      tensorCheckVJP("leakyRelu \(shape)", at: kinked, { leakyRelu($0) }, { _vjp(leakyRelu: $0) })
      tensorCheckVJP("softplus \(shape)", at: x, { softplus($0) }, { _vjp(softplus: $0) })
      tensorCheckVJP("softmax \(shape)", at: x, { softmax($0) }, { _vjp(softmax: $0) })
      tensorCheckVJP("logSoftmax \(shape)", at: x, { logSoftmax($0) }, { _vjp(logSoftmax: $0) })
      // Scalar second arguments travel as rank-0 tensors.
      tensorCheckVJP(
        "pow(x, p) \(shape)", at: [positive, Tensor(S(2.5))], function: { pow($0[0], $0[1].scalar) },
        rule: { inputs in
          let (value, pullback) = _vjp(pow: inputs[0], inputs[1].scalar)
          return (value, { let (dx, dp) = pullback($0); return [dx, Tensor(dp)] })
        })
      tensorCheckVJP(
        "leakyRelu(x, alpha) \(shape)", at: [kinked, Tensor(S(0.2))],
        function: { leakyRelu($0[0], alpha: $0[1].scalar) },
        rule: { inputs in
          let (value, pullback) = _vjp(leakyRelu: inputs[0], inputs[1].scalar)
          return (value, { let (dx, da) = pullback($0); return [dx, Tensor(da)] })
        })
    }
    for (sa, sb) in [([2, 3], [3]), ([3], [2, 3]), ([2, 3], [])] as [([Int], [Int])] {
      let base: Tensor<S> = tensorRandom(sa, in: 0.5..<2, seed: 53)
      let exponent: Tensor<S> = tensorRandom(sb, in: -1.5..<1.5, seed: 54)
      tensorCheckVJP("pow(x, y) \(sa) \(sb)", at: base, exponent, { pow($0, $1) }, { _vjp(pow: $0, $1) })
    }
  }

  func checkReductions<S: TensorScalar>(_: S.Type) {
    for shape in [[], [5], [2, 3], [2, 3, 4]] as [[Int]] {
      let x: Tensor<S> = distinct(shape, seed: 60)
      tensorCheckVJP("sum \(shape)", at: x, { Tensor($0.sum()) }, scalarRule { $0._vjpm(sum: ()) })
      tensorCheckVJP("mean \(shape)", at: x, { Tensor($0.mean()) }, scalarRule { $0._vjpm(mean: ()) })
      tensorCheckVJP("max \(shape)", at: x, { Tensor($0.max()) }, scalarRule { $0._vjpm(max: ()) })
      tensorCheckVJP("min \(shape)", at: x, { Tensor($0.min()) }, scalarRule { $0._vjpm(min: ()) })
      for axis in Array(0..<shape.count) + (shape.isEmpty ? [] : [-1]) {
        let name = "\(shape) axis \(axis)"
        tensorCheckVJP("sum \(name)", at: x, { $0.sum(alongAxis: axis) }, { x in
          let (v, pb) = x._vjpm(sum: axis); return (v, { pb($0).0 })
        })
        tensorCheckVJP("mean \(name)", at: x, { $0.mean(alongAxis: axis) }, { x in
          let (v, pb) = x._vjpm(mean: axis); return (v, { pb($0).0 })
        })
        tensorCheckVJP("max \(name)", at: x, { $0.max(alongAxis: axis) }, { x in
          let (v, pb) = x._vjpm(max: axis); return (v, { pb($0).0 })
        })
      }
    }
  }

  func checkShape<S: TensorScalar>(_: S.Type) {
    let x: Tensor<S> = tensorRandom([2, 3, 4], seed: 70)
    tensorCheckVJP("reshaped", at: x, { $0.reshaped(to: [6, 4]) }, { x in
      let (v, pb) = x._vjpm(reshaped: [6, 4]); return (v, { pb($0).0 })
    })
    tensorCheckVJP("reshaped to rank 0", at: Tensor<S>([S(3)]), { $0.reshaped(to: []) }, { x in
      let (v, pb) = x._vjpm(reshaped: []); return (v, { pb($0).0 })
    })
    tensorCheckVJP("flattened", at: x, { $0.flattened() }, { $0._vjpm(flattened: ()) })
    for shape in [[], [3], [2, 3], [2, 3, 4]] as [[Int]] {
      let t: Tensor<S> = tensorRandom(shape, seed: 71)
      tensorCheckVJP("transposed \(shape)", at: t, { $0.transposed() }, { $0._vjpm(transposed: ()) })
    }
    let row: Tensor<S> = tensorRandom([1, 3], seed: 72)
    tensorCheckVJP("broadcast", at: row, { $0.broadcast(to: [2, 4, 3]) }, { x in
      let (v, pb) = x._vjpm(broadcast: [2, 4, 3]); return (v, { pb($0).0 })
    })
    tensorCheckVJP("unbroadcast", at: x, { $0.unbroadcast(to: [3, 1]) }, { x in
      let (v, pb) = x._vjpm(unbroadcast: [3, 1]); return (v, { pb($0).0 })
    })
    tensorCheckVJP("subscript", at: x, { $0[1] }, { x in
      let (v, pb) = _vjp(subscript: x, 1); return (v, { pb($0).0 })
    })
    tensorCheckVJP("subscript (method)", at: x, { $0[0] }, { x in
      let (v, pb) = x._vjpm(subscript: 0); return (v, { pb($0).0 })
    })
    let vector: Tensor<S> = tensorRandom([5], seed: 73)
    tensorCheckVJP("subscript to rank 0", at: vector, { $0[3] }, { x in
      let (v, pb) = _vjp(subscript: x, 3); return (v, { pb($0).0 })
    })
    tensorCheckVJP("range subscript", at: vector, { $0[1..<4] }, { x in
      let (v, pb) = _vjp(subscript: x, 1..<4); return (v, { pb($0).0 })
    })
    let a: Tensor<S> = tensorRandom([2, 3], seed: 74)
    let b: Tensor<S> = tensorRandom([2, 2], seed: 75)
    let c: Tensor<S> = tensorRandom([2, 3], seed: 76)
    tensorCheckVJP(
      "concatenate axis 1", at: [a, b], function: { concatenate($0, alongAxis: 1) },
      rule: { inputs in
        let (v, pb) = _vjp(concatenate: inputs, 1)
        return (v, { pb($0).0 })
      })
    tensorCheckVJP(
      "concatenate axis 0", at: [a, c], function: { concatenate($0) },
      rule: { _vjp(concatenate: $0) })
    for axis in [0, 1, 2, -1] {
      tensorCheckVJP(
        "stack axis \(axis)", at: [a, c], function: { stack($0, alongAxis: axis) },
        rule: { inputs in
          let (v, pb) = _vjp(stack: inputs, axis)
          return (v, { pb($0).0 })
        })
    }
    tensorCheckVJP("stack", at: [a, c], function: { stack($0) }, rule: { _vjp(stack: $0) })
    // split: several outputs, checked one piece at a time.
    for piece in 0..<2 {
      tensorCheckVJP("split axis 1, piece \(piece)", at: a, { split($0, sizes: [1, 2], alongAxis: 1)[piece] }, { x in
        let (v, pb) = _vjp(split: x, [1, 2], 1)
        return (v[piece], { g in
          var gradients = v.map { Tensor<S>.zeros(shape: $0.shape) }
          gradients[piece] = g
          return pb(gradients).0
        })
      })
      tensorCheckVJP("split axis 0, piece \(piece)", at: x, { split($0, sizes: [1, 1])[piece] }, { x in
        let (v, pb) = _vjp(split: x, [1, 1])
        return (v[piece], { g in
          var gradients = v.map { Tensor<S>.zeros(shape: $0.shape) }
          gradients[piece] = g
          return pb(gradients).0
        })
      })
    }
    tensorCheckVJP("withNewIdentity", at: a, { $0.withNewIdentity() }, { $0._vjpm(withNewIdentity: ()) })
    let (index, argmaxPullback) = (distinct([5], seed: 77) as Tensor<S>)._vjpm(argmax: ())
    XCTAssertEqual(argmaxPullback(NoTangent()), Tensor<S>.zeros(shape: [5]))
    XCTAssertEqual(index, (distinct([5], seed: 77) as Tensor<S>).argmax())
  }

  func checkMatmul<S: TensorScalar>(_: S.Type) {
    let cases: [([Int], [Int])] = [
      ([2, 3], [3, 4]), ([2, 3], [3]), ([3], [3, 4]), ([3], [3]),
      ([13, 17], [17, 11]),  // large enough for the packed, blocked kernel
      ([1, 5], [5, 7]), ([7, 5], [5, 1]),
    ]
    for (n, (sa, sb)) in cases.enumerated() {
      let a: Tensor<S> = tensorRandom(sa, seed: UInt64(80 + 2 * n))
      let b: Tensor<S> = tensorRandom(sb, seed: UInt64(81 + 2 * n))
      tensorCheckVJP("matmul \(sa) \(sb)", at: a, b, { matmul($0, $1) }, { _vjp(matmul: $0, $1) })
    }
  }

  func checkLosses<S: TensorScalar>(_: S.Type) {
    let logits: Tensor<S> = tensorRandom([4, 3], in: -2..<2, seed: 90)
    let labels = [2, 0, 1, 2]
    tensorCheckVJP(
      "crossEntropy(labels: [Int])", at: logits, { Tensor(crossEntropy(logits: $0, labels: labels)) },
      { x in
        let (v, pb) = _vjp(crossEntropy: x, labels)
        return (Tensor(v), { pb($0.scalar).0 })
      })
    let probabilities = softmax(tensorRandom([4, 3], seed: 91) as Tensor<S>)
    tensorCheckVJP(
      "crossEntropy(labels: Tensor)", at: logits, probabilities,
      { Tensor(crossEntropy(logits: $0, labels: $1)) },
      { x, y in
        let (v, pb) = _vjp(crossEntropy: x, y)
        return (Tensor(v), { pb($0.scalar) })
      })
    for (sa, sb) in [([4, 3], [4, 3]), ([4, 3], [3]), ([2], [2, 2])] as [([Int], [Int])] {
      let p: Tensor<S> = tensorRandom(sa, seed: 92)
      let e: Tensor<S> = tensorRandom(sb, seed: 93)
      tensorCheckVJP(
        "meanSquaredError \(sa) \(sb)", at: p, e, { Tensor(meanSquaredError(predicted: $0, expected: $1)) },
        { x, y in
          let (v, pb) = _vjp(meanSquaredError: x, y)
          return (Tensor(v), { pb($0.scalar) })
        })
    }
  }
}
