// #jacobian by reverse mode (one pullback per output) and by forward mode (one Dual pass per
// input, chosen when there are fewer inputs than outputs), and #pushforward, against closed
// forms and central differences.

import XCTest
import Zygote
import ZygoteMath

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@DifferentiableStruct
struct SwingingBob {
  var length: Double
  var angle: Double
}

@Differentiable
func bobPosition(_ p: SwingingBob) -> [Double] { [p.length * sin(p.angle), -p.length * cos(p.angle)] }

@Differentiable
func tensorSquares(_ x: Tensor<Double>) -> Tensor<Double> { x * x + 2 * x }

/// Running products yₖ = x₀ x₁ ⋯ xₖ, with a loop: the Jacobian takes the pullback once per row,
/// so the pullback of a loop must be callable again (its tape is read, not consumed).
@Differentiable
func runningProducts(_ x: [Double]) -> [Double] {
  var ys: [Double] = []
  var p = 1.0
  for i in 0..<x.count {
    p = p * x[i]
    ys.append(p)
  }
  return ys
}

final class JacobianTests: XCTestCase {
  func testJacobianOfALoopCallsThePullbackOncePerRow() {
    let x = [1.5, -2.0, 0.5, 3.0]
    let j = #jacobian(runningProducts, at: x)
    let y = runningProducts(x)
    // ∂yₖ/∂xᵢ = yₖ / xᵢ for i ≤ k, 0 above.
    let expected = (0..<4).map { k in (0..<4).map { i in i <= k ? y[k] / x[i] : 0 } }
    assertMatrix(j, expected, accuracy: 1e-14)
    assertMatrix(j, finiteDifferenceJacobian(runningProducts, at: x), accuracy: 1e-8)
  }

  func assertMatrix(_ actual: [[Double]], _ expected: [[Double]], accuracy: Double, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(actual.count, expected.count, "rows", file: file, line: line)
    for (a, e) in zip(actual, expected) {
      XCTAssertEqual(a.count, e.count, "columns", file: file, line: line)
      for (u, v) in zip(a, e) { XCTAssertEqual(u, v, accuracy: accuracy * max(1, abs(v)), file: file, line: line) }
    }
  }

  func testSquareJacobianByReverseModeMatchesClosedForm() {
    // Two inputs, two outputs: reverse mode.
    let (r, t) = (2.0, 0.5)
    let expected = [[cos(t), -r * sin(t)], [sin(t), r * cos(t)]]
    assertMatrix(#jacobian(polarToCartesian, at: [r, t]), expected, accuracy: 1e-15)
    assertMatrix(#jacobian({ p in [p[0] * cos(p[1]), p[0] * sin(p[1])] }, at: [r, t]), expected, accuracy: 1e-15)
  }

  func testTallJacobianByForwardModeMatchesClosedFormAndFiniteDifferences() {
    // One input, four outputs: forward mode.
    let t = 0.7
    let j = #jacobian(spiral, at: [t])
    assertMatrix(j, [[-sin(t)], [cos(t)], [2 * t], [exp(t)]], accuracy: 1e-15)
    assertMatrix(j, finiteDifferenceJacobian({ spiral($0) }, at: [t]), accuracy: 1e-8)
    // The forward-mode path directly, against the reverse-mode one.
    let reverse = _reverseJacobian(at: [t]) { _vjp(spiral: $0) }
    assertMatrix(j, reverse, accuracy: 1e-15)
  }

  func testConcreteFunctionJacobianUsesReverseMode() {
    let x = [1.5, -2.0, 0.25]
    let expected = [[x[1], x[0], 0], [0, 1, 1], [cos(x[0]), 0, 0]]
    assertMatrix(#jacobian(concreteMap, at: x), expected, accuracy: 1e-15)
    assertMatrix(#jacobian(concreteMap, at: x), finiteDifferenceJacobian(concreteMap, at: x), accuracy: 1e-8)
  }

  func testStructInputRowsAreTangents() {
    let j = #jacobian(bobPosition, at: SwingingBob(length: 2, angle: 0.3))
    XCTAssertEqual(j.count, 2)
    XCTAssertEqual(j[0].length, sin(0.3), accuracy: 1e-15)
    XCTAssertEqual(j[0].angle, 2 * cos(0.3), accuracy: 1e-15)
    XCTAssertEqual(j[1].length, -cos(0.3), accuracy: 1e-15)
    XCTAssertEqual(j[1].angle, 2 * sin(0.3), accuracy: 1e-15)
  }

  func testTensorJacobianIsDiagonal() {
    let x = Tensor<Double>(shape: [2, 2], scalars: [1, -2, 0.5, 3])
    let j = #jacobian(tensorSquares, at: x)
    XCTAssertEqual(j.count, 4)
    for i in 0..<4 {
      for k in 0..<4 { XCTAssertEqual(j[i].scalars[k], i == k ? 2 * x.scalars[i] + 2 : 0) }
      XCTAssertEqual(j[i].shape, [2, 2])
    }
  }

  func testPushforwardIsTheDirectionalDerivative() {
    let (y, df) = #pushforward(xSinX, at: 2.0)
    XCTAssertEqual(y, 2 * sin(2.0))
    XCTAssertEqual(df(1), sin(2.0) + 2 * cos(2.0), accuracy: 1e-15)
    XCTAssertEqual(df(-3), -3 * (sin(2.0) + 2 * cos(2.0)), accuracy: 1e-14)

    // Array to scalar: ∇f·v.
    let x = [-1.2, 1.0, 0.7]
    let v = [0.5, -1.0, 2.0]
    let (value, directional) = #pushforward(rosenbrock, at: x)
    XCTAssertEqual(value, rosenbrock(x))
    let g = #gradient(rosenbrock, at: x)
    XCTAssertEqual(directional(v), zip(g, v).map(*).reduce(0, +), accuracy: 1e-12)

    // Against a central difference along v.
    let step = 1e-6
    let numeric = (rosenbrock(zip(x, v).map { $0 + step * $1 }) - rosenbrock(zip(x, v).map { $0 - step * $1 })) / (2 * step)
    XCTAssertEqual(directional(v), numeric, accuracy: 1e-6 * abs(numeric))

    // Array to array: J·v.
    let (p, jv) = #pushforward(polarToCartesian, at: [2.0, 0.5])
    XCTAssertEqual(p, polarToCartesian([2.0, 0.5]))
    let w = jv([1, 0.1])
    XCTAssertEqual(w[0], cos(0.5) - 0.2 * sin(0.5), accuracy: 1e-15)
    XCTAssertEqual(w[1], sin(0.5) + 0.2 * cos(0.5), accuracy: 1e-15)

    // Scalar to array, and a closure literal.
    let (_, curve) = #pushforward({ t in [t * t, sin(t)] }, at: 3.0)
    XCTAssertEqual(curve(2), [12, 2 * cos(3.0)])
  }
}
