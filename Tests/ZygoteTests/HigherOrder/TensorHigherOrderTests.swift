// Forward mode and second derivatives of tensor functions, through the macros: #pushforward,
// #hessian, #hessianVectorProduct and forward-mode #jacobian of functions generic over their
// tensor scalar, which run on Tensor<Dual<Double>>. Checked against closed forms and against
// central differences of reverse-mode gradients.

import XCTest
import Zygote

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `Σ xᵢ³`: its Hessian is `diag(6x)`.
@Differentiable
func tensorCubeSum<S: TensorScalar>(_ x: Tensor<S>) -> S { (x * x * x).sum() }

/// A fixed 3×2 weight matrix, made in the scalar type of the caller.
func tensorTestWeights<S: TensorScalar>(_: S.Type = S.self) -> Tensor<S> {
  Tensor(shape: [3, 2], scalars: [0.5, -1, 0.25, 2, -0.75, 1.5])
}

/// `tanh(W x)`, from 2 inputs to 3 outputs.
@Differentiable
func tensorLayer<S: TensorScalar>(_ x: Tensor<S>) -> Tensor<S> {
  let w = tensorTestWeights(S.self)
  return tanh(matmul(w, x))
}

/// Softmax cross-entropy of a row of logits against class 2: `log Σ exp zⱼ − z₂`.
@Differentiable
func tensorSoftmaxCrossEntropy<S: TensorScalar>(_ z: Tensor<S>) -> S {
  crossEntropy(logits: z.reshaped(to: [1, z.scalarCount]), labels: [2])
}

/// A small network with a loop over layers and a branch on a value, returning a rank-0 tensor.
@Differentiable
func tensorLoopsAndBranches<S: TensorScalar>(_ x: Tensor<S>) -> Tensor<S> {
  let w = Tensor<S>(shape: [2, 2], scalars: [0.8, -0.3, 0.4, 0.9])
  var h = x
  for _ in 0..<3 {
    h = tanh(matmul(w, h)) + 0.5 * h
  }
  var out = (h * h).sum()
  if out > 1 {
    out = out * sigmoid(h).mean()
  } else {
    out = out + softplus(h).sum()
  }
  return Tensor(out)
}

/// `exp(s·c)` for a constant tensor `c`: a tensor function of a scalar.
@Differentiable
func tensorScaledExp<S: TensorScalar>(_ s: S) -> Tensor<S> {
  let c = Tensor<S>([1, -2, 0.5])
  return exp(c * s)
}

/// The sums of the columns of a matrix: 6 inputs, 2 outputs.
@Differentiable
func tensorColumnSums<S: TensorScalar>(_ x: Tensor<S>) -> Tensor<S> { x.sum(alongAxis: 0) }

/// Builds tensors from differentiated scalars with each initializer, and reads `.scalar`.
@Differentiable
func tensorFromScalars<S: TensorScalar>(_ a: S, _ b: S) -> S {
  let row = Tensor([a, b * a])
  let grid = Tensor(shape: [2, 1], scalars: [b, a])
  let filled = Tensor(shape: [2], repeating: a * b)
  let one = Tensor(b)
  return matmul(row, grid).scalar + (filled * row).sum() * one.scalar
}

/// Converts its argument to the scalar type it already has: the conversion's rule passes the
/// gradient back.
@Differentiable
func tensorConverted<S: TensorScalar>(_ x: Tensor<S>) -> S { (Tensor<S>(x) * x).sum() }

/// The README's tensor example: a global constant brought into the scalar type with `Tensor<S>(w)`.
let readmeW = Tensor<Double>(shape: [3, 2], scalars: [0.5, -1, 0.25, 2, -0.75, 1.5])

@Differentiable
func readmeLayer<S: TensorScalar>(_ x: Tensor<S>) -> Tensor<S> { tanh(matmul(Tensor<S>(readmeW), x)) }

@Differentiable
func readmeEnergy<S: TensorScalar>(_ x: Tensor<S>) -> S { (x * x * x).sum() + readmeLayer(x).sum() }

final class TensorHigherOrderTests: XCTestCase {
  func testReadmeExample() {
    let x = Tensor<Double>([0.3, -0.7])
    let t = tanh(matmul(readmeW, x))
    let (y, dy) = #pushforward(readmeLayer, at: x)
    XCTAssertEqual(y, t)
    assertClose(dy(Tensor([1, 0])), (1 - t * t) * readmeW.transposed()[0], accuracy: 1e-15)
    XCTAssertEqual(#jacobian(readmeLayer, at: x).count, 3)
    // H = diag(6x) + Wᵀ diag(−2t(1 − t²)) W
    let curvature = -2 * t * (1 - t * t)
    let expected = matmul(readmeW.transposed(), curvature.reshaped(to: [3, 1]) * readmeW)
      + Tensor(shape: [2, 2], scalars: [6 * x.scalars[0], 0, 0, 6 * x.scalars[1]])
    assertClose(#hessian(readmeEnergy, at: x), expected, accuracy: 1e-14)
    assertClose(#hessianVectorProduct(readmeEnergy, at: x, direction: Tensor([1, 0])), expected[0], accuracy: 1e-14)
  }

  func testConversionBetweenScalarTypesIsDifferentiated() {
    let x = Tensor<Double>([0.5, -2])
    XCTAssertEqual(#gradient(tensorConverted, at: x), 2 * x)
    XCTAssertEqual(#hessian(tensorConverted, at: x), Tensor(shape: [2, 2], scalars: [2, 0, 0, 2]))
    // Double to Float and back: the pullback converts the gradient to the operand's type.
    let (value, pullback) = Tensor<Float>._vjpm(init: x)
    XCTAssertEqual(value, Tensor<Float>([0.5, -2]))
    XCTAssertEqual(pullback(Tensor<Float>([1, 3])).1, Tensor<Double>([1, 3]))
  }

  func testInitializersAndScalarAreDifferentiated() {
    // f = (a·b + b·a·a) + (a·b·a + a·b·b·a)·b = ab + a²b + a²b² + a²b³
    let (a, b) = (0.7, -1.3)
    let (da, db) = #gradient(tensorFromScalars, at: a, b)
    XCTAssertEqual(da, b + 2 * a * b + 2 * a * b * b + 2 * a * b * b * b, accuracy: 1e-14)
    XCTAssertEqual(db, a + a * a + 2 * a * a * b + 3 * a * a * b * b, accuracy: 1e-14)
    // Second derivatives through the same initializers, on dual scalars.
    let h = #hessian(tensorFromScalars, at: a, b)
    XCTAssertEqual(h[0][0], 2 * b + 2 * b * b + 2 * b * b * b, accuracy: 1e-13)
    XCTAssertEqual(h[0][1], 1 + 2 * a + 4 * a * b + 6 * a * b * b, accuracy: 1e-13)
    XCTAssertEqual(h[1][1], 2 * a * a + 6 * a * a * b, accuracy: 1e-13)
  }

  func assertClose(_ a: Tensor<Double>, _ b: Tensor<Double>, accuracy: Double, _ message: String = "", file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(a.shape, b.shape, "shape \(message)", file: file, line: line)
    for (u, v) in zip(a.scalars, b.scalars) {
      XCTAssertEqual(u, v, accuracy: accuracy * max(1, abs(v)), message, file: file, line: line)
    }
  }

  /// The Jacobian of `g` at `x` by central differences, as a tensor of shape `g(x).shape + x.shape`.
  func finiteDifferenceJacobian(_ g: (Tensor<Double>) -> Tensor<Double>, at x: Tensor<Double>, step: Double = 1e-5) -> Tensor<Double> {
    let m = g(x).scalarCount
    var columns: [[Double]] = []
    for k in 0..<x.scalarCount {
      var plus = x.scalars
      var minus = x.scalars
      plus[k] += step
      minus[k] -= step
      let up = g(Tensor(shape: x.shape, scalars: plus)).scalars
      let down = g(Tensor(shape: x.shape, scalars: minus)).scalars
      columns.append((0..<m).map { (up[$0] - down[$0]) / (2 * step) })
    }
    return Tensor(shape: g(x).shape + x.shape, scalars: (0..<m).flatMap { i in columns.map { $0[i] } })
  }

  func testPushforwardOfATensorFunctionIsJacobianTimesVector() {
    let x = Tensor<Double>([0.3, -0.7])
    let w = tensorTestWeights(Double.self)
    let (y, differential) = #pushforward(tensorLayer, at: x)
    assertClose(y, tanh(matmul(w, x)), accuracy: 1e-15)
    for v in [Tensor<Double>([1, 0]), Tensor([0, 1]), Tensor([0.4, -2.5])] {
      // J·v = (1 − y²) ⊙ (W v)
      assertClose(differential(v), (1 - y * y) * matmul(w, v), accuracy: 1e-14)
    }
  }

  func testPushforwardOfAScalarFunctionOfATensorIsTheDirectionalDerivative() {
    let x = Tensor<Double>([0.5, -1.0, 2.0, 0.1])
    let (value, differential) = #pushforward(tensorSoftmaxCrossEntropy, at: x)
    XCTAssertEqual(value, tensorSoftmaxCrossEntropy(x), accuracy: 1e-15)
    let gradient = #gradient(tensorSoftmaxCrossEntropy, at: x)
    let v = Tensor<Double>([0.3, -0.2, 1.1, 0.7])
    XCTAssertEqual(differential(v), (gradient * v).sum(), accuracy: 1e-14)
    // A closure literal runs on dual tensors as well.
    let (square, dSquare) = #pushforward({ t in (t * t).sum() }, at: x)
    XCTAssertEqual(square, (x * x).sum())
    XCTAssertEqual(dSquare(v), (2 * x * v).sum(), accuracy: 1e-14)
  }

  func testPushforwardOfATensorFunctionOfAScalar() {
    let c = Tensor<Double>([1, -2, 0.5])
    let (value, differential) = #pushforward(tensorScaledExp, at: 0.3)
    assertClose(value, exp(c * 0.3), accuracy: 1e-15)
    assertClose(differential(2), 2 * c * exp(c * 0.3), accuracy: 1e-14)
  }

  func testHessianOfCubeSumIsDiagonal() {
    let x = Tensor<Double>([1, 2, -0.5])
    let expected = Tensor<Double>(shape: [3, 3], scalars: [6, 0, 0, 0, 12, 0, 0, 0, -3])
    XCTAssertEqual(#hessian(tensorCubeSum, at: x), expected)
    // A rank-2 input: the Hessian has shape x.shape + x.shape.
    let m = Tensor<Double>(shape: [2, 2], scalars: [1, 2, 3, 4])
    let h = #hessian(tensorCubeSum, at: m)
    XCTAssertEqual(h.shape, [2, 2, 2, 2])
    for i in 0..<4 {
      for j in 0..<4 {
        XCTAssertEqual(h.scalars[i * 4 + j], i == j ? 6 * m.scalars[i] : 0)
      }
    }
  }

  func testSoftmaxCrossEntropyHessianIsDiagPMinusPPTranspose() {
    let z = Tensor<Double>([0.5, -1.0, 2.0, 0.1])
    let p = softmax(z).scalars
    let expected = Tensor<Double>(shape: [4, 4], scalars: (0..<16).map { k in
      let (i, j) = (k / 4, k % 4)
      return (i == j ? p[i] : 0) - p[i] * p[j]
    })
    let h = #hessian(tensorSoftmaxCrossEntropy, at: z)
    assertClose(h, expected, accuracy: 1e-14)
    let numeric = finiteDifferenceJacobian({ #gradient(tensorSoftmaxCrossEntropy, at: $0) }, at: z)
    assertClose(h, numeric, accuracy: 1e-7)
  }

  func testHessianOfLoopsAndBranchesMatchesFiniteDifferences() {
    // Points on both sides of the branch (out > 1 and out ≤ 1).
    for x in [Tensor<Double>([0.9, -0.4]), Tensor([0.1, 0.05]), Tensor([-1.2, 0.7])] {
      let h = #hessian(tensorLoopsAndBranches, at: x)
      let numeric = finiteDifferenceJacobian({ #gradient({ t in tensorLoopsAndBranches(t).scalar }, at: $0) }, at: x)
      assertClose(h, numeric, accuracy: 1e-6, "at \(x)")
      XCTAssertEqual(h.scalars[1], h.scalars[2], accuracy: 1e-12, "symmetric at \(x)")
    }
  }

  func testHessianVectorProductEqualsHessianTimesVector() {
    let z = Tensor<Double>([0.5, -1.0, 2.0, 0.1])
    let v = Tensor<Double>([1, -0.5, 0.25, 2])
    let h = #hessian(tensorSoftmaxCrossEntropy, at: z)
    assertClose(#hessianVectorProduct(tensorSoftmaxCrossEntropy, at: z, direction: v), matmul(h, v), accuracy: 1e-14)
    // A function returning a rank-0 tensor.
    let x = Tensor<Double>([0.9, -0.4])
    let u = Tensor<Double>([0.3, 1.7])
    let hx = #hessian(tensorLoopsAndBranches, at: x)
    assertClose(#hessianVectorProduct(tensorLoopsAndBranches, at: x, direction: u), matmul(hx, u), accuracy: 1e-12)
    // A closure literal, differentiated inline and run on dual tensors.
    assertClose(#hessianVectorProduct({ t in (t * t * t).sum() }, at: z, direction: v), 6 * z * v, accuracy: 1e-14)
  }

  func testJacobianOfAWideningTensorFunctionUsesForwardModeAndMatchesTheClosedForm() {
    // 2 inputs < 3 outputs: forward mode. Row i is ∂yᵢ/∂x = (1 − yᵢ²) Wᵢ.
    let x = Tensor<Double>([0.3, -0.7])
    let w = tensorTestWeights(Double.self)
    let y = tanh(matmul(w, x))
    let rows = #jacobian(tensorLayer, at: x)
    XCTAssertEqual(rows.count, 3)
    for i in 0..<3 {
      assertClose(rows[i], (1 - y[i] * y[i]) * w[i], accuracy: 1e-14, "row \(i)")
    }
    // The same Jacobian by reverse mode, through a function that is not generic.
    let reverse = #jacobian({ (t: Tensor<Double>) in tanh(matmul(w, t)) }, at: x)
    for i in 0..<3 { assertClose(rows[i], reverse[i], accuracy: 1e-14) }
  }

  func testForwardModeCountsOneDualPassPerInputAndNoPullback() {
    // The forward path of `_jacobian` evaluates the function once per input scalar on dual
    // tensors and never calls the pullback: counted through the closures it is handed.
    let x = Tensor<Double>([0.3, -0.7])
    var forwardCalls = 0
    var reverseCalls = 0
    let rows = _jacobian(
      at: x,
      reverse: { (t: Tensor<Double>) in reverseCalls += 1; return _vjp(tensorLayer: t) },
      forward: { (t: Tensor<Dual<Double>>) in forwardCalls += 1; return tensorLayer(t) })
    XCTAssertEqual(rows.count, 3)
    XCTAssertEqual(forwardCalls, 2)
    XCTAssertEqual(reverseCalls, 0)
    // 6 inputs, 2 outputs: one probing dual pass, then reverse mode (one pullback per output).
    let m = Tensor<Double>(shape: [3, 2], scalars: [1, 2, 3, 4, 5, 6])
    forwardCalls = 0
    let sums = _jacobian(
      at: m,
      reverse: { (t: Tensor<Double>) in reverseCalls += 1; return _vjp(tensorColumnSums: t) },
      forward: { (t: Tensor<Dual<Double>>) in forwardCalls += 1; return tensorColumnSums(t) })
    XCTAssertEqual(forwardCalls, 1)
    XCTAssertEqual(reverseCalls, 1)
    XCTAssertEqual(sums, [Tensor(shape: [3, 2], scalars: [1, 0, 1, 0, 1, 0]), Tensor(shape: [3, 2], scalars: [0, 1, 0, 1, 0, 1])])
  }
}
