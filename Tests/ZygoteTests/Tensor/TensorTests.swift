// Values of tensor operations: construction, printing, value semantics, shapes, broadcasting,
// elementwise functions, reductions, matmul (against a naive triple loop) and losses.

import XCTest

// Testable, to reach the blocked SIMD kernel directly: debug builds of `matmul` take a plain loop.
@testable import Zygote

final class TensorTests: XCTestCase {
  func testConstructionAndProperties() {
    let t = Tensor<Double>(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
    XCTAssertEqual(t.shape, [2, 3])
    XCTAssertEqual(t.rank, 2)
    XCTAssertEqual(t.scalarCount, 6)
    XCTAssertEqual(t.scalars, [1, 2, 3, 4, 5, 6])
    let v = Tensor<Double>([1, 2, 3])
    XCTAssertEqual(v.shape, [3])
    let s = Tensor<Float>(2.5)
    XCTAssertEqual(s.shape, [])
    XCTAssertEqual(s.rank, 0)
    XCTAssertEqual(s.scalarCount, 1)
    XCTAssertEqual(s.scalar, 2.5)
    XCTAssertEqual(Tensor<Double>.zeros(shape: [2, 2]).scalars, [0, 0, 0, 0])
    XCTAssertEqual(Tensor<Double>.ones(shape: [3]).scalars, [1, 1, 1])
    XCTAssertEqual(Tensor<Double>.identity(3).scalars, [1, 0, 0, 0, 1, 0, 0, 0, 1])
    XCTAssertEqual(Tensor<Double>(shape: [2], repeating: 7).scalars, [7, 7])
    XCTAssertEqual(Tensor<Double>.zeros(shape: [0, 3]).scalarCount, 0)
    XCTAssertEqual(Tensor<Double>.zeros(shape: [2, 3]).zeroTangent.shape, [2, 3])
  }

  func testDescription() {
    XCTAssertEqual(Tensor<Double>(shape: [2, 2], scalars: [1, 2, 3, 4]).description, "[[1.0, 2.0], [3.0, 4.0]]")
    XCTAssertEqual(Tensor<Double>([1, 2, 3]).description, "[1.0, 2.0, 3.0]")
    XCTAssertEqual(Tensor<Float>(3).description, "3.0")
    XCTAssertEqual(Tensor<Double>(shape: [2, 1, 2], scalars: [1, 2, 3, 4]).description, "[[[1.0, 2.0]], [[3.0, 4.0]]]")
    XCTAssertEqual(Tensor<Double>.zeros(shape: [0]).description, "[]")
  }

  func testValueSemantics() {
    let a = Tensor<Double>([1, 2, 3])
    var b = a
    b[0] = Tensor(10)
    XCTAssertEqual(a.scalars, [1, 2, 3])
    XCTAssertEqual(b.scalars, [10, 2, 3])
    var c = a.reshaped(to: [3, 1])  // shares storage until written
    c += 1
    XCTAssertEqual(a.scalars, [1, 2, 3])
    XCTAssertEqual(c.scalars, [2, 3, 4])
    var d = a
    d += d  // aliasing operands
    XCTAssertEqual(d.scalars, [2, 4, 6])
    XCTAssertEqual(a.scalars, [1, 2, 3])
  }

  func testRandomIsSeeded() {
    let u1 = Tensor<Double>.randomUniform(shape: [100], seed: 7)
    let u2 = Tensor<Double>.randomUniform(shape: [100], seed: 7)
    let u3 = Tensor<Double>.randomUniform(shape: [100], seed: 8)
    XCTAssertEqual(u1, u2)
    XCTAssertNotEqual(u1, u3)
    XCTAssertTrue(u1.scalars.allSatisfy { $0 >= 0 && $0 < 1 })
    let n = Tensor<Double>.randomNormal(shape: [10001], mean: 2, standardDeviation: 3, seed: 1)
    XCTAssertEqual(n.mean(), 2, accuracy: 0.1)
    XCTAssertEqual(sqrt(((n - n.mean()) * (n - n.mean())).mean()), 3, accuracy: 0.1)
    var generator = SeededRandomGenerator(seed: 3)
    let w = Tensor<Float>.randomUniform(shape: [2, 2], in: -1..<1, using: &generator)
    XCTAssertTrue(w.scalars.allSatisfy { $0 >= -1 && $0 < 1 })
    let glorot = Tensor<Float>.glorotUniform(shape: [64, 10], seed: 1)
    XCTAssertTrue(glorot.scalars.allSatisfy { Swift.abs($0) <= (6.0 / 74).squareRoot() })
  }

  func testShapes() {
    let t = Tensor<Double>(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
    XCTAssertEqual(t.reshaped(to: [3, 2]).description, "[[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]")
    XCTAssertEqual(t.reshaped(to: [-1]).shape, [6])
    XCTAssertEqual(t.reshaped(to: [3, -1]).shape, [3, 2])
    XCTAssertEqual(Tensor<Double>([5]).reshaped(to: []).shape, [])
    XCTAssertEqual(t.transposed().description, "[[1.0, 4.0], [2.0, 5.0], [3.0, 6.0]]")
    XCTAssertEqual(t.transposed().transposed(), t)
    let cube = Tensor<Double>(shape: [2, 3, 4], scalars: (0..<24).map(Double.init))
    let reversed = cube.transposed()
    XCTAssertEqual(reversed.shape, [4, 3, 2])
    XCTAssertEqual(reversed[3][2][1].scalar, cube[1][2][3].scalar)
    XCTAssertEqual(t[1].description, "[4.0, 5.0, 6.0]")
    XCTAssertEqual(t[1][2].rank, 0)
    XCTAssertEqual(t[1][2].scalar, 6)
    XCTAssertEqual(cube[1..<2].shape, [1, 3, 4])
    XCTAssertEqual(cube[1..<2].scalars, Array((12..<24).map(Double.init)))
    XCTAssertEqual(t.flattened().shape, [6])
    // Large transposes go through the blocked path.
    let big = Tensor<Double>(shape: [37, 70], scalars: (0..<2590).map(Double.init))
    let bigT = big.transposed()
    XCTAssertEqual(bigT[69][36].scalar, big[36][69].scalar)
    XCTAssertEqual(bigT[5][30].scalar, big[30][5].scalar)
  }

  func testConcatenateStackSplit() {
    let a = Tensor<Double>(shape: [2, 2], scalars: [1, 2, 3, 4])
    let b = Tensor<Double>(shape: [1, 2], scalars: [5, 6])
    XCTAssertEqual(concatenate([a, b]).description, "[[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]")
    XCTAssertEqual(concatenate([a, a], alongAxis: 1).description, "[[1.0, 2.0, 1.0, 2.0], [3.0, 4.0, 3.0, 4.0]]")
    XCTAssertEqual(concatenate([a, a], alongAxis: -1).shape, [2, 4])
    XCTAssertEqual(stack([Tensor<Double>([1, 2]), Tensor([3, 4])]).description, "[[1.0, 2.0], [3.0, 4.0]]")
    XCTAssertEqual(stack([Tensor<Double>([1, 2]), Tensor([3, 4])], alongAxis: 1).description, "[[1.0, 3.0], [2.0, 4.0]]")
    XCTAssertEqual(stack([Tensor<Double>(1), Tensor(2)]).description, "[1.0, 2.0]")
    let pieces = split(concatenate([a, a], alongAxis: 1), sizes: [1, 3], alongAxis: 1)
    XCTAssertEqual(pieces.map(\.shape), [[2, 1], [2, 3]])
    XCTAssertEqual(pieces[1].description, "[[2.0, 1.0, 2.0], [4.0, 3.0, 4.0]]")
  }

  func testBroadcastingArithmetic() {
    let m = Tensor<Double>(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
    let row = Tensor<Double>([10, 20, 30])
    let column = Tensor<Double>(shape: [2, 1], scalars: [100, 200])
    XCTAssertEqual((m + row).description, "[[11.0, 22.0, 33.0], [14.0, 25.0, 36.0]]")
    XCTAssertEqual((row + m).description, "[[11.0, 22.0, 33.0], [14.0, 25.0, 36.0]]")
    XCTAssertEqual((m + column).description, "[[101.0, 102.0, 103.0], [204.0, 205.0, 206.0]]")
    XCTAssertEqual((column * row).description, "[[1000.0, 2000.0, 3000.0], [2000.0, 4000.0, 6000.0]]")
    XCTAssertEqual((m - Tensor(1.0)).scalars, [0, 1, 2, 3, 4, 5])
    XCTAssertEqual((m / 2).scalars, [0.5, 1, 1.5, 2, 2.5, 3])
    XCTAssertEqual((2 * m).scalars, [2, 4, 6, 8, 10, 12])
    XCTAssertEqual((12 / m).scalars, [12, 6, 4, 3, 2.4, 2])
    XCTAssertEqual((1 - m).scalars, [0, -1, -2, -3, -4, -5])
    XCTAssertEqual((-m).scalars, [-1, -2, -3, -4, -5, -6])
    XCTAssertEqual(broadcastShape([4, 1, 3], [2, 1]), [4, 2, 3])
    XCTAssertEqual(broadcastShape([], [2, 3]), [2, 3])
    let cube = Tensor<Double>.ones(shape: [2, 1, 3]) + Tensor<Double>(shape: [4, 1], scalars: [0, 1, 2, 3])
    XCTAssertEqual(cube.shape, [2, 4, 3])
    XCTAssertEqual(cube[1][3].scalars, [4, 4, 4])
    XCTAssertEqual(cube.unbroadcast(to: [4, 1]).scalars, [6, 12, 18, 24])
    XCTAssertEqual(row.broadcast(to: [2, 3]).scalars, [10, 20, 30, 10, 20, 30])
    var accumulator = m
    accumulator -= row
    accumulator *= Tensor([1, 0, 1])
    XCTAssertEqual(accumulator.scalars, [-9, 0, -27, -6, 0, -24])
  }

  func testElementaryValues() {
    let x = Tensor<Double>([-1000, -1, 0, 1, 1000])
    XCTAssertEqual(relu(x).scalars, [0, 0, 0, 1, 1000])
    XCTAssertEqual(leakyRelu(x, alpha: 0.1).scalars, [-100, -0.1, 0, 1, 1000])
    XCTAssertEqual(sigmoid(x).scalars[0], 0)
    XCTAssertEqual(sigmoid(x).scalars[2], 0.5)
    XCTAssertEqual(sigmoid(x).scalars[4], 1)
    XCTAssertEqual(softplus(x).scalars[4], 1000)
    XCTAssertEqual(softplus(x).scalars[2], Double._log(2), accuracy: 1e-15)
    XCTAssertEqual(exp(Tensor<Double>([0, 1])).scalars, [1, Double._exp(1)])
    XCTAssertEqual(log(Tensor<Double>([1])).scalars, [0])
    XCTAssertEqual(sqrt(Tensor<Double>([4, 9])).scalars, [2, 3])
    XCTAssertEqual(pow(Tensor<Double>([2, 3]), 2).scalars, [4, 9])
    XCTAssertEqual(pow(Tensor<Double>([2, 3]), Tensor([3, 0])).scalars, [8, 1])
    XCTAssertEqual(tanh(Tensor<Double>([0])).scalars, [0])
    // Softmax rows sum to 1 and do not overflow.
    let logits = Tensor<Double>(shape: [2, 3], scalars: [1, 2, 3, 1000, 1000, 1000])
    let p = softmax(logits)
    XCTAssertEqual(p.sum(alongAxis: 1).scalars[0], 1, accuracy: 1e-12)
    XCTAssertEqual(p[1].scalars, [1.0 / 3, 1.0 / 3, 1.0 / 3])
    let logP = logSoftmax(logits)
    for (a, b) in zip(logP.scalars, p.scalars) { XCTAssertEqual(a, Double._log(b), accuracy: 1e-12) }
    XCTAssertEqual(softmax(Tensor<Double>(5)).scalar, 1)
  }

  func testReductions() {
    let t = Tensor<Double>(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 9])
    XCTAssertEqual(t.sum(), 24)
    XCTAssertEqual(t.mean(), 4)
    XCTAssertEqual(t.max(), 9)
    XCTAssertEqual(t.min(), 1)
    XCTAssertEqual(t.argmax(), 5)
    XCTAssertEqual(t.sum(alongAxis: 0).description, "[[5.0, 7.0, 12.0]]")
    XCTAssertEqual(t.sum(alongAxis: 1).description, "[[6.0], [18.0]]")
    XCTAssertEqual(t.sum(alongAxis: -1).shape, [2, 1])
    XCTAssertEqual(t.mean(alongAxis: 1).scalars, [2, 6])
    XCTAssertEqual(t.max(alongAxis: 0).scalars, [4, 5, 9])
    XCTAssertEqual(Tensor<Double>(4).sum(), 4)
    XCTAssertEqual(Tensor<Double>(4).max(), 4)
    XCTAssertEqual(Tensor<Double>.zeros(shape: [0]).sum(), 0)
    // t - t.mean(alongAxis:) broadcasts back.
    XCTAssertEqual((t - t.mean(alongAxis: 1)).scalars, [-1, 0, 1, -2, -1, 3])
  }

  func testMatmulValues() {
    let W = Tensor<Double>(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
    XCTAssertEqual(matmul(W, Tensor([1, 2, 3])).description, "[14.0, 32.0]")
    XCTAssertEqual(matmul(Tensor([1, 1]), W).description, "[5.0, 7.0, 9.0]")
    XCTAssertEqual(matmul(Tensor<Double>([1, 2]), Tensor([3, 4])).rank, 0)
    XCTAssertEqual(matmul(Tensor<Double>([1, 2]), Tensor([3, 4])).scalar, 11)
    XCTAssertEqual(matmul(W, W.transposed()).description, "[[14.0, 32.0], [32.0, 77.0]]")
    XCTAssertEqual(matmul(Tensor<Double>.identity(2), W), W)
    XCTAssertEqual(matmul(Tensor<Double>.zeros(shape: [2, 0]), Tensor.zeros(shape: [0, 3])), Tensor.zeros(shape: [2, 3]))
  }

  /// The blocked kernel against a naive triple loop, on sizes that exercise every edge: partial
  /// register tiles, several KC slabs, several MC blocks, vector shapes.
  func testMatmulAgainstNaive() {
    checkMatmulAgainstNaive(Double.self, tolerance: 1e-12)
    checkMatmulAgainstNaive(Float.self, tolerance: 1e-4)
  }

  func checkMatmulAgainstNaive<S: TensorScalar>(_: S.Type, tolerance: Double) {
    checkMatmulAgainstNaive(S.self, tolerance: tolerance, kernel: "matmul") { matmul($0, $1) }
    // The cache-blocked SIMD kernel itself, whichever kernel `matmul` uses in this build.
    checkMatmulAgainstNaive(S.self, tolerance: tolerance, kernel: "blocked") { a, b in
      let (m, k, n) = (a.shape[0], a.shape[1], b.shape[1])
      return a.withUnsafeBufferPointer { x in
        b.withUnsafeBufferPointer { y in
          Tensor<S>(shape: [m, n]) { out in
            out.initialize(repeating: 0)
            if S.self == Float.self {
              _blockedMatrixMultiply(
                UnsafeRawPointer(x.baseAddress!).assumingMemoryBound(to: Float.self),
                UnsafeRawPointer(y.baseAddress!).assumingMemoryBound(to: Float.self),
                UnsafeMutableRawPointer(out.baseAddress!).assumingMemoryBound(to: Float.self),
                m: m, k: k, n: n, vector: SIMD8<Float>.self)
            } else {
              _blockedMatrixMultiply(
                UnsafeRawPointer(x.baseAddress!).assumingMemoryBound(to: Double.self),
                UnsafeRawPointer(y.baseAddress!).assumingMemoryBound(to: Double.self),
                UnsafeMutableRawPointer(out.baseAddress!).assumingMemoryBound(to: Double.self),
                m: m, k: k, n: n, vector: SIMD4<Double>.self)
            }
          }
        }
      }
    }
  }

  func checkMatmulAgainstNaive<S: TensorScalar>(
    _: S.Type, tolerance: Double, kernel: String, _ multiply: (Tensor<S>, Tensor<S>) -> Tensor<S>
  ) {
    let sizes = [(1, 1, 1), (1, 9, 13), (11, 9, 1), (6, 8, 8), (7, 9, 10), (13, 300, 17), (130, 5, 19), (125, 33, 2049 - 2000)]
    for (n, (m, k, p)) in sizes.enumerated() {
      let a: Tensor<S> = tensorRandom([m, k], seed: UInt64(n))
      let b: Tensor<S> = tensorRandom([k, p], seed: UInt64(n + 100))
      let c = multiply(a, b)
      XCTAssertEqual(c.shape, [m, p])
      let x = a.scalars
      let y = b.scalars
      var worst = 0.0
      for i in 0..<m {
        for j in 0..<p {
          var total = 0.0
          for q in 0..<k { total += Double(x[i * k + q]) * Double(y[q * p + j]) }
          worst = Swift.max(worst, Swift.abs(total - Double(c.scalars[i * p + j])) / Swift.max(1, Swift.abs(total)))
        }
      }
      XCTAssertLessThan(worst, tolerance, "\(kernel), \(S.self) \(m)×\(k) · \(k)×\(p)")
    }
  }

  func testLosses() {
    let logits = Tensor<Double>(shape: [2, 2], scalars: [0, 0, 0, Double._log(3)])
    // Row 0: p = [1/2, 1/2]; row 1: p = [1/4, 3/4].
    XCTAssertEqual(crossEntropy(logits: logits, labels: [0, 1]), (Double._log(2) + Double._log(4.0 / 3)) / 2, accuracy: 1e-12)
    let oneHot = Tensor<Double>(shape: [2, 2], scalars: [1, 0, 0, 1])
    XCTAssertEqual(crossEntropy(logits: logits, labels: oneHot), crossEntropy(logits: logits, labels: [0, 1]), accuracy: 1e-12)
    XCTAssertEqual(meanSquaredError(predicted: Tensor<Double>([1, 2, 3]), expected: Tensor([1, 0, 0])), 13.0 / 3)
    XCTAssertEqual(meanSquaredError(predicted: Tensor<Float>([1, 2]), expected: Tensor(1)), 0.5)
  }

  /// Rank-0 tensors work everywhere a tensor does.
  func testRankZero() {
    let s = Tensor<Double>(3)
    XCTAssertEqual((s + s).scalar, 6)
    XCTAssertEqual((s * Tensor([1, 2])).scalars, [3, 6])
    XCTAssertEqual(exp(s).scalar, Double._exp(3))
    XCTAssertEqual(s.transposed().scalar, 3)
    XCTAssertEqual(s.reshaped(to: [1, 1]).shape, [1, 1])
    XCTAssertEqual(s.sum(), 3)
    XCTAssertEqual(s.mean(), 3)
    XCTAssertEqual(logSoftmax(s).scalar, 0)
    XCTAssertEqual(s.broadcast(to: [2]).scalars, [3, 3])
    XCTAssertEqual(Tensor<Double>([1, 2]).unbroadcast(to: []).scalar, 3)
    var t = s
    t += 1
    XCTAssertEqual(t.scalar, 4)
    var u = s
    u.accumulate(Tensor(2))
    XCTAssertEqual(u.scalar, 5)
    XCTAssertEqual(AnyTensor(s).tensor(of: Double.self), s)
  }
}
