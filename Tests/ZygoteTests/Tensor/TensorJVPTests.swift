// Forward mode through every tensor primitive that has a VJP rule. A primitive evaluated on
// `Tensor<Dual<S>>` applies its JVP (the chain rule of each scalar operation, or the split
// matrix product); its VJP rule is checked against finite differences in TensorRulesTests. Here
// the two modes are checked against each other with the dot-product identity
//
//     ⟨u, J·t⟩ (forward: the derivatives of f(x + tε))  =  ⟨Jᵀ·u, t⟩ (reverse: the pullback of u)
//
// which holds to rounding error, so the tolerance is tight: 1e-10 relative for Double.
// Each primitive is written once, generic over the scalar, in `TensorPrimitive.evaluate`.

import XCTest
import Zygote

/// A tensor primitive with its operands' constants (axes, shapes, labels). Scalar operands are
/// rank-0 tensors among the inputs.
enum TensorPrimitive {
  case add, subtract, multiply, divide
  case addScalar, subtractScalar, multiplyScalar, divideScalar
  case scalarAdd, scalarSubtract, scalarMultiply, scalarDivide
  case negate, plus
  case exp, log, sqrt, tanh, sigmoid, relu, leakyRelu, leakyReluAlpha, softplus, softmax, logSoftmax
  case powScalar, powTensor
  case sum, mean, max, min
  case sumAlong(Int), meanAlong(Int), maxAlong(Int)
  case reshaped([Int]), flattened, transposed, broadcast([Int]), unbroadcast([Int])
  case element(Int), elementMethod(Int), range(Range<Int>)
  case concatenate(Int), stack(Int), split([Int], Int, piece: Int)
  case matmul
  case crossEntropyLabels([Int]), crossEntropyTensor, meanSquaredError
  case withNewIdentity

  /// The primitive on tensors of any scalar type.
  func evaluate<S: TensorScalar>(_ x: [Tensor<S>]) -> Tensor<S> {
    switch self {
    case .add: return x[0] + x[1]
    case .subtract: return x[0] - x[1]
    case .multiply: return x[0] * x[1]
    case .divide: return x[0] / x[1]
    case .addScalar: return x[0] + x[1].scalar
    case .subtractScalar: return x[0] - x[1].scalar
    case .multiplyScalar: return x[0] * x[1].scalar
    case .divideScalar: return x[0] / x[1].scalar
    case .scalarAdd: return x[0].scalar + x[1]
    case .scalarSubtract: return x[0].scalar - x[1]
    case .scalarMultiply: return x[0].scalar * x[1]
    case .scalarDivide: return x[0].scalar / x[1]
    case .negate: return -x[0]
    case .plus: return +x[0]
    case .exp: return Zygote.exp(x[0])
    case .log: return Zygote.log(x[0])
    case .sqrt: return Zygote.sqrt(x[0])
    case .tanh: return Zygote.tanh(x[0])
    case .sigmoid: return Zygote.sigmoid(x[0])
    case .relu: return Zygote.relu(x[0])
    case .leakyRelu: return Zygote.leakyRelu(x[0])
    case .leakyReluAlpha: return Zygote.leakyRelu(x[0], alpha: x[1].scalar)
    case .softplus: return Zygote.softplus(x[0])
    case .softmax: return Zygote.softmax(x[0])
    case .logSoftmax: return Zygote.logSoftmax(x[0])
    case .powScalar: return Zygote.pow(x[0], x[1].scalar)
    case .powTensor: return Zygote.pow(x[0], x[1])
    case .sum: return Tensor(x[0].sum())
    case .mean: return Tensor(x[0].mean())
    case .max: return Tensor(x[0].max())
    case .min: return Tensor(x[0].min())
    case .sumAlong(let axis): return x[0].sum(alongAxis: axis)
    case .meanAlong(let axis): return x[0].mean(alongAxis: axis)
    case .maxAlong(let axis): return x[0].max(alongAxis: axis)
    case .reshaped(let shape): return x[0].reshaped(to: shape)
    case .flattened: return x[0].flattened()
    case .transposed: return x[0].transposed()
    case .broadcast(let shape): return x[0].broadcast(to: shape)
    case .unbroadcast(let shape): return x[0].unbroadcast(to: shape)
    case .element(let i), .elementMethod(let i): return x[0][i]
    case .range(let r): return x[0][r]
    case .concatenate(let axis): return Zygote.concatenate(x, alongAxis: axis)
    case .stack(let axis): return Zygote.stack(x, alongAxis: axis)
    case .split(let sizes, let axis, let piece): return Zygote.split(x[0], sizes: sizes, alongAxis: axis)[piece]
    case .matmul: return Zygote.matmul(x[0], x[1])
    case .crossEntropyLabels(let labels): return Tensor(Zygote.crossEntropy(logits: x[0], labels: labels))
    case .crossEntropyTensor: return Tensor(Zygote.crossEntropy(logits: x[0], labels: x[1]))
    case .meanSquaredError: return Tensor(Zygote.meanSquaredError(predicted: x[0], expected: x[1]))
    case .withNewIdentity: return x[0].withNewIdentity()
    }
  }

  /// The primitive's VJP rule, with one gradient per input (scalars as rank-0 tensors).
  func rule<S: TensorScalar>(_ x: [Tensor<S>]) -> (value: Tensor<S>, pullback: (Tensor<S>) -> [Tensor<S>]) {
    func unary(_ r: (value: Tensor<S>, pullback: (Tensor<S>) -> Tensor<S>)) -> (value: Tensor<S>, pullback: (Tensor<S>) -> [Tensor<S>]) {
      (r.value, { [r.pullback($0)] })
    }
    func binary(_ r: (value: Tensor<S>, pullback: (Tensor<S>) -> (Tensor<S>, Tensor<S>))) -> (value: Tensor<S>, pullback: (Tensor<S>) -> [Tensor<S>]) {
      (r.value, { let (a, b) = r.pullback($0); return [a, b] })
    }
    func right(_ r: (value: Tensor<S>, pullback: (Tensor<S>) -> (Tensor<S>, S))) -> (value: Tensor<S>, pullback: (Tensor<S>) -> [Tensor<S>]) {
      (r.value, { let (a, b) = r.pullback($0); return [a, Tensor(b)] })
    }
    func left(_ r: (value: Tensor<S>, pullback: (Tensor<S>) -> (S, Tensor<S>))) -> (value: Tensor<S>, pullback: (Tensor<S>) -> [Tensor<S>]) {
      (r.value, { let (a, b) = r.pullback($0); return [Tensor(a), b] })
    }
    func reduction(_ r: (value: S, pullback: (S) -> Tensor<S>)) -> (value: Tensor<S>, pullback: (Tensor<S>) -> [Tensor<S>]) {
      (Tensor(r.value), { [r.pullback($0.scalar)] })
    }
    func withConstant<C>(_ r: (value: Tensor<S>, pullback: (Tensor<S>) -> (Tensor<S>, C))) -> (value: Tensor<S>, pullback: (Tensor<S>) -> [Tensor<S>]) {
      (r.value, { [r.pullback($0).0] })
    }
    switch self {
    case .add: return binary(_vjp(__add: x[0], x[1]))
    case .subtract: return binary(_vjp(__subtract: x[0], x[1]))
    case .multiply: return binary(_vjp(__multiply: x[0], x[1]))
    case .divide: return binary(_vjp(__divide: x[0], x[1]))
    case .addScalar: return right(_vjp(__add: x[0], x[1].scalar))
    case .subtractScalar: return right(_vjp(__subtract: x[0], x[1].scalar))
    case .multiplyScalar: return right(_vjp(__multiply: x[0], x[1].scalar))
    case .divideScalar: return right(_vjp(__divide: x[0], x[1].scalar))
    case .scalarAdd: return left(_vjp(__add: x[0].scalar, x[1]))
    case .scalarSubtract: return left(_vjp(__subtract: x[0].scalar, x[1]))
    case .scalarMultiply: return left(_vjp(__multiply: x[0].scalar, x[1]))
    case .scalarDivide: return left(_vjp(__divide: x[0].scalar, x[1]))
    case .negate: return unary(_vjp(__negate: x[0]))
    case .plus: return unary(_vjp(__plus: x[0]))
    case .exp: return unary(_vjp(exp: x[0]))
    case .log: return unary(_vjp(log: x[0]))
    case .sqrt: return unary(_vjp(sqrt: x[0]))
    case .tanh: return unary(_vjp(tanh: x[0]))
    case .sigmoid: return unary(_vjp(sigmoid: x[0]))
    case .relu: return unary(_vjp(relu: x[0]))
    case .leakyRelu: return unary(_vjp(leakyRelu: x[0]))
    case .leakyReluAlpha: return right(_vjp(leakyRelu: x[0], x[1].scalar))
    case .softplus: return unary(_vjp(softplus: x[0]))
    case .softmax: return unary(_vjp(softmax: x[0]))
    case .logSoftmax: return unary(_vjp(logSoftmax: x[0]))
    case .powScalar: return right(_vjp(pow: x[0], x[1].scalar))
    case .powTensor: return binary(_vjp(pow: x[0], x[1]))
    case .sum: return reduction(x[0]._vjpm(sum: ()))
    case .mean: return reduction(x[0]._vjpm(mean: ()))
    case .max: return reduction(x[0]._vjpm(max: ()))
    case .min: return reduction(x[0]._vjpm(min: ()))
    case .sumAlong(let axis): return withConstant(x[0]._vjpm(sum: axis))
    case .meanAlong(let axis): return withConstant(x[0]._vjpm(mean: axis))
    case .maxAlong(let axis): return withConstant(x[0]._vjpm(max: axis))
    case .reshaped(let shape): return withConstant(x[0]._vjpm(reshaped: shape))
    case .flattened: return unary(x[0]._vjpm(flattened: ()))
    case .transposed: return unary(x[0]._vjpm(transposed: ()))
    case .broadcast(let shape): return withConstant(x[0]._vjpm(broadcast: shape))
    case .unbroadcast(let shape): return withConstant(x[0]._vjpm(unbroadcast: shape))
    case .element(let i): return withConstant(_vjp(subscript: x[0], i))
    case .elementMethod(let i): return withConstant(x[0]._vjpm(subscript: i))
    case .range(let r): return withConstant(_vjp(subscript: x[0], r))
    case .concatenate(let axis):
      let (value, pullback) = _vjp(concatenate: x, axis)
      return (value, { pullback($0).0 })
    case .stack(let axis):
      let (value, pullback) = _vjp(stack: x, axis)
      return (value, { pullback($0).0 })
    case .split(let sizes, let axis, let piece):
      let (pieces, pullback) = _vjp(split: x[0], sizes, axis)
      return (pieces[piece], { g in
        var gradients = pieces.map { Tensor<S>.zeros(shape: $0.shape) }
        gradients[piece] = g
        return [pullback(gradients).0]
      })
    case .matmul: return binary(_vjp(matmul: x[0], x[1]))
    case .crossEntropyLabels(let labels):
      let (value, pullback) = _vjp(crossEntropy: x[0], labels)
      return (Tensor(value), { [pullback($0.scalar).0] })
    case .crossEntropyTensor:
      let (value, pullback) = _vjp(crossEntropy: x[0], x[1])
      return (Tensor(value), { let (a, b) = pullback($0.scalar); return [a, b] })
    case .meanSquaredError:
      let (value, pullback) = _vjp(meanSquaredError: x[0], x[1])
      return (Tensor(value), { let (a, b) = pullback($0.scalar); return [a, b] })
    case .withNewIdentity: return unary(x[0]._vjpm(withNewIdentity: ()))
    }
  }
}

/// A random tensor with scalars in `range`, seeded.
private func random<S: TensorScalar>(_ shape: [Int], _ range: Range<Double> = -1..<1, seed: UInt64) -> Tensor<S> {
  tensorRandom(shape, in: range, seed: seed)
}

/// Distinct values a tenth apart, shuffled: no ties for max/min.
private func distinct<S: TensorScalar>(_ shape: [Int], seed: UInt64) -> Tensor<S> {
  var generator = SeededRandomGenerator(seed: seed)
  let n = shape.reduce(1, *)
  let values = (0..<n).map { S(Double($0) * 0.1 - Double(n) * 0.05) }.shuffled(using: &generator)
  return Tensor(shape: shape, scalars: values)
}

/// Every primitive with a VJP rule, at points in its domain (away from kinks and ties).
func tensorPrimitiveCases<S: TensorScalar>(_: S.Type) -> [(String, TensorPrimitive, [Tensor<S>])] {
  var cases: [(String, TensorPrimitive, [Tensor<S>])] = []
  for (n, (sa, sb)) in tensorBroadcastShapePairs.enumerated() {
    let a: Tensor<S> = random(sa, seed: UInt64(2 * n))
    let b: Tensor<S> = random(sb, seed: UInt64(2 * n + 1))
    let positive: Tensor<S> = random(sb, 0.5..<2, seed: UInt64(2 * n + 1))
    cases += [
      ("add \(sa) \(sb)", .add, [a, b]), ("subtract \(sa) \(sb)", .subtract, [a, b]),
      ("multiply \(sa) \(sb)", .multiply, [a, b]), ("divide \(sa) \(sb)", .divide, [a, positive]),
    ]
  }
  let t: Tensor<S> = random([2, 3], seed: 40)
  let positive: Tensor<S> = random([2, 3], 0.5..<2, seed: 41)
  let s = Tensor<S>(S(1.7))
  cases += [
    ("t + s", .addScalar, [t, s]), ("t - s", .subtractScalar, [t, s]),
    ("t * s", .multiplyScalar, [t, s]), ("t / s", .divideScalar, [t, s]),
    ("s + t", .scalarAdd, [s, t]), ("s - t", .scalarSubtract, [s, t]),
    ("s * t", .scalarMultiply, [s, t]), ("s / t", .scalarDivide, [s, positive]),
    ("negate", .negate, [t]), ("plus", .plus, [t]),
  ]
  for shape in [[], [5], [2, 3], [2, 2, 3]] as [[Int]] {
    let x: Tensor<S> = random(shape, -2..<2, seed: 50)
    let positive: Tensor<S> = random(shape, 0.5..<2, seed: 51)
    let kinked: Tensor<S> = random(shape, seed: 52).map { $0 >= 0 ? $0 + 0.2 : $0 - 0.2 }
    cases += [
      ("exp \(shape)", .exp, [x]), ("log \(shape)", .log, [positive]), ("sqrt \(shape)", .sqrt, [positive]),
      ("tanh \(shape)", .tanh, [x]), ("sigmoid \(shape)", .sigmoid, [x]), ("relu \(shape)", .relu, [kinked]),
      ("leakyRelu \(shape)", .leakyRelu, [kinked]), ("leakyRelu(alpha) \(shape)", .leakyReluAlpha, [kinked, Tensor(S(0.2))]),
      ("softplus \(shape)", .softplus, [x]), ("softmax \(shape)", .softmax, [x]),
      ("logSoftmax \(shape)", .logSoftmax, [x]), ("pow(x, p) \(shape)", .powScalar, [positive, Tensor(S(2.5))]),
    ]
  }
  for (sa, sb) in [([2, 3], [3]), ([3], [2, 3]), ([2, 3], [])] as [([Int], [Int])] {
    cases.append(("pow(x, y) \(sa) \(sb)", .powTensor, [random(sa, 0.5..<2, seed: 53), random(sb, -1.5..<1.5, seed: 54)]))
  }
  for shape in [[], [5], [2, 3], [2, 3, 4]] as [[Int]] {
    let x: Tensor<S> = distinct(shape, seed: 60)
    cases += [("sum \(shape)", .sum, [x]), ("mean \(shape)", .mean, [x]), ("max \(shape)", .max, [x]), ("min \(shape)", .min, [x])]
    for axis in Array(0..<shape.count) + (shape.isEmpty ? [] : [-1]) {
      cases += [
        ("sum \(shape) axis \(axis)", .sumAlong(axis), [x]), ("mean \(shape) axis \(axis)", .meanAlong(axis), [x]),
        ("max \(shape) axis \(axis)", .maxAlong(axis), [x]),
      ]
    }
  }
  let x: Tensor<S> = random([2, 3, 4], seed: 70)
  let vector: Tensor<S> = random([5], seed: 73)
  let a: Tensor<S> = random([2, 3], seed: 74)
  let b: Tensor<S> = random([2, 2], seed: 75)
  let c: Tensor<S> = random([2, 3], seed: 76)
  cases += [
    ("reshaped", .reshaped([6, 4]), [x]), ("reshaped to rank 0", .reshaped([]), [Tensor([S(3)])]),
    ("flattened", .flattened, [x]), ("broadcast", .broadcast([2, 4, 3]), [random([1, 3], seed: 72)]),
    ("unbroadcast", .unbroadcast([3, 1]), [x]), ("subscript", .element(1), [x]), ("subscript (method)", .elementMethod(0), [x]),
    ("subscript to rank 0", .element(3), [vector]), ("range subscript", .range(1..<4), [vector]),
    ("concatenate axis 1", .concatenate(1), [a, b]), ("concatenate axis 0", .concatenate(0), [a, c]),
    ("withNewIdentity", .withNewIdentity, [a]),
  ]
  for shape in [[], [3], [2, 3], [2, 3, 4]] as [[Int]] {
    cases.append(("transposed \(shape)", .transposed, [random(shape, seed: 71)]))
  }
  for axis in [0, 1, 2, -1] { cases.append(("stack axis \(axis)", .stack(axis), [a, c])) }
  for piece in 0..<2 {
    cases.append(("split axis 1, piece \(piece)", .split([1, 2], 1, piece: piece), [a]))
    cases.append(("split axis 0, piece \(piece)", .split([1, 1], 0, piece: piece), [x]))
  }
  let matmulShapes: [([Int], [Int])] = [
    ([2, 3], [3, 4]), ([2, 3], [3]), ([3], [3, 4]), ([3], [3]), ([13, 17], [17, 11]), ([1, 5], [5, 7]), ([7, 5], [5, 1]),
  ]
  for (n, (sa, sb)) in matmulShapes.enumerated() {
    cases.append(("matmul \(sa) \(sb)", .matmul, [random(sa, seed: UInt64(80 + 2 * n)), random(sb, seed: UInt64(81 + 2 * n))]))
  }
  let logits: Tensor<S> = random([4, 3], -2..<2, seed: 90)
  cases += [
    ("crossEntropy(labels: [Int])", .crossEntropyLabels([2, 0, 1, 2]), [logits]),
    ("crossEntropy(labels: Tensor)", .crossEntropyTensor, [logits, softmax(random([4, 3], seed: 91))]),
  ]
  for (sa, sb) in [([4, 3], [4, 3]), ([4, 3], [3]), ([2], [2, 2])] as [([Int], [Int])] {
    cases.append(("meanSquaredError \(sa) \(sb)", .meanSquaredError, [random(sa, seed: 92), random(sb, seed: 93)]))
  }
  return cases
}

final class TensorJVPTests: XCTestCase {
  func testEveryPrimitiveDouble() { checkEveryPrimitive(Double.self, tolerance: 1e-10) }
  func testEveryPrimitiveFloat() { checkEveryPrimitive(Float.self, tolerance: 1e-4) }

  /// Forward mode (dual tensors) against reverse mode (the VJP rule), one input at a time.
  func checkEveryPrimitive<S: TensorScalar & ElementaryFloatingPoint>(_: S.Type, tolerance: Double) {
    let cases = tensorPrimitiveCases(S.self)
    XCTAssertGreaterThan(cases.count, 150)
    for (name, primitive, inputs) in cases {
      let (value, pullback) = primitive.rule(inputs)
      let cotangent: Tensor<S> = random(value.shape, seed: 7919)
      let gradients = pullback(cotangent)
      for i in inputs.indices {
        let direction: Tensor<S> = random(inputs[i].shape, seed: 31 &+ UInt64(i))
        var seeded = inputs.map { $0._constantDuals() }
        seeded[i] = inputs[i]._seeded(along: direction)
        let dual = primitive.evaluate(seeded)
        // The values of the dual evaluation are the primal values.
        XCTAssertEqual(dual.shape, value.shape, "\(name): shape")
        for (v, w) in zip(dual._values().scalars, value.scalars) where Swift.abs(Double(v) - Double(w)) > tolerance * Swift.max(1, Swift.abs(Double(w))) {
          XCTFail("\(name): dual value \(v) differs from the primal \(w)")
          break
        }
        let forward = tensorDot(cotangent, dual._derivatives())
        let backward = tensorDot(gradients[i], direction)
        XCTAssertEqual(
          forward, backward, accuracy: tolerance * Swift.max(1, Swift.abs(backward)),
          "\(name), input \(i): ⟨u, J·t⟩ by forward mode ≠ ⟨Jᵀ·u, t⟩ by the VJP rule")
      }
    }
  }

  /// The split matrix kernel for dual scalars, nested once more, against the plain product.
  func testMatrixProductOfNestedDuals() {
    typealias D2 = Dual<Dual<Double>>
    let a: Tensor<Double> = random([5, 7], seed: 1)
    let b: Tensor<Double> = random([7, 3], seed: 2)
    let da: Tensor<Double> = random([5, 7], seed: 3)
    let db: Tensor<Double> = random([7, 3], seed: 4)
    // x(s, r) = a + s·da + r·da: the mixed second derivative of (a + s·da + r·da)(b + s·db) is da·db.
    func lift(_ x: Tensor<Double>, _ d1: Tensor<Double>, _ d2: Tensor<Double>) -> Tensor<D2> {
      Tensor(shape: x.shape, scalars: (0..<x.scalarCount).map {
        D2(Dual(x.scalars[$0], derivative: d2.scalars[$0]), derivative: Dual(d1.scalars[$0], derivative: 0))
      })
    }
    let zero = Tensor<Double>.zeros(shape: [7, 3])
    let product = matmul(lift(a, da, da), lift(b, db, zero))
    let expectedValue = matmul(a, b)
    let expectedFirst = matmul(da, b) + matmul(a, db)  // along s
    let expectedSecond = matmul(da, b)  // along r
    let expectedMixed = matmul(da, db)
    for i in 0..<product.scalarCount {
      let p = product.scalars[i]
      XCTAssertEqual(p.value.value, expectedValue.scalars[i], accuracy: 1e-12)
      XCTAssertEqual(p.derivative.value, expectedFirst.scalars[i], accuracy: 1e-12)
      XCTAssertEqual(p.value.derivative, expectedSecond.scalars[i], accuracy: 1e-12)
      XCTAssertEqual(p.derivative.derivative, expectedMixed.scalars[i], accuracy: 1e-12)
    }
  }

  /// Dual tensors can stand in `Grads` (its type-erased storage keeps them apart from Double).
  func testDualTensorsInAnyTensor() {
    let t = Tensor<Double>([1, 2])._seeded(along: Tensor([3, 4]))
    var erased = AnyTensor(t)
    XCTAssertNil(erased.tensor(of: Double.self))
    erased = AnyTensor(erased.tensor(of: Dual<Double>.self)! + t)
    let back = erased.tensor(of: Dual<Double>.self)!
    XCTAssertEqual(back._values(), Tensor([2, 4]))
    XCTAssertEqual(back._derivatives(), Tensor([6, 8]))
    XCTAssertEqual(erased.shape, [2])
  }
}
