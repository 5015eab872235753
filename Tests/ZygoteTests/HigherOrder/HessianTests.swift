// #hessian and #hessianVectorProduct (forward over reverse) against closed forms and against
// central differences of the reverse-mode gradient.

import XCTest
import Zygote
import ZygoteMath

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

final class HessianTests: XCTestCase {
  func assertMatrix(_ actual: [[Double]], _ expected: [[Double]], accuracy: Double, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(actual.count, expected.count, "rows", file: file, line: line)
    for (a, e) in zip(actual, expected) {
      XCTAssertEqual(a.count, e.count, "columns", file: file, line: line)
      for (u, v) in zip(a, e) { XCTAssertEqual(u, v, accuracy: accuracy * max(1, abs(v)), file: file, line: line) }
    }
  }

  func testRosenbrockHessianMatchesClosedForm() {
    for x in [[1.0, 2.0], [-1.2, 1.0, 0.7], [0.3, -0.4, 1.5, 2.0, -0.9]] {
      assertMatrix(#hessian(rosenbrock, at: x), rosenbrockHessian(x), accuracy: 1e-12)
    }
    // At the minimum (1, 1): [[802, -400], [-400, 200]].
    XCTAssertEqual(#hessian(rosenbrock, at: [1.0, 1.0]), [[802, -400], [-400, 200]])
  }

  func testRosenbrockHessianMatchesFiniteDifferencesOfTheGradient() {
    let x = [0.3, -0.4, 1.5, 2.0]
    let numeric = finiteDifferenceJacobian({ #gradient(rosenbrock, at: $0) }, at: x)
    assertMatrix(#hessian(rosenbrock, at: x), numeric, accuracy: 1e-6)
  }

  func testSoftmaxCrossEntropyHessianIsDiagPMinusPPTranspose() {
    let z = [0.5, -1.0, 2.0, 0.1]
    let total = z.map { exp($0) }.reduce(0, +)
    let p = z.map { exp($0) / total }
    let expected = (0..<4).map { i in (0..<4).map { j in (i == j ? p[i] : 0) - p[i] * p[j] } }
    let h = #hessian({ z in softmaxCrossEntropy(z, 2) }, at: z)
    assertMatrix(h, expected, accuracy: 1e-12)
    let numeric = finiteDifferenceJacobian({ #gradient({ z in softmaxCrossEntropy(z, 2) }, at: $0) }, at: z)
    assertMatrix(h, numeric, accuracy: 1e-6)
  }

  func testHessianOfLoopsAndBranchesMatchesFiniteDifferences() {
    for x in [[0.4, 0.3, -0.2], [-0.5, 0.2, 0.6], [0.1, -0.3, -0.7]] {
      let h = #hessian(loopsAndBranches, at: x)
      let numeric = finiteDifferenceJacobian({ #gradient(loopsAndBranches, at: $0) }, at: x)
      assertMatrix(h, numeric, accuracy: 1e-5)
      // Symmetric, as a Hessian of a smooth function must be (forward over reverse does not force it).
      for i in 0..<3 { for j in 0..<3 { XCTAssertEqual(h[i][j], h[j][i], accuracy: 1e-10 * max(1, abs(h[i][j]))) } }
    }
  }

  func testScalarHessianIsTheSecondDerivative() {
    for x in [-2.0, 0.0, 0.7, 3.0] {
      XCTAssertEqual(#hessian(xSinX, at: x), 2 * cos(x) - x * sin(x), accuracy: 1e-13)
    }
    XCTAssertEqual(#hessian({ x in x * x * x }, at: 2.0), 12, accuracy: 1e-13)
    XCTAssertEqual(#hessianVectorProduct(xSinX, at: 0.7, direction: 3.0), 3 * (2 * cos(0.7) - 0.7 * sin(0.7)), accuracy: 1e-13)
  }

  func testHessianOfAFunctionOfTwoScalars() {
    let (x, y) = (0.7, -1.3)
    let s = sin(x * y)
    let c = cos(x * y)
    let expected = [[2 * y - y * y * s, 2 * x + c - x * y * s], [2 * x + c - x * y * s, -x * x * s]]
    assertMatrix(#hessian(twoScalars, at: x, y), expected, accuracy: 1e-14)
    assertMatrix(#hessian({ a, b in twoScalars(a, b) }, at: x, y), expected, accuracy: 1e-14)
  }

  func testHessianOfArithmeticOnlyBinaryFloatingPointFunction() {
    // f = x₀² x₁ + x₁³/3: H = [[2x₁, 2x₀], [2x₀, 2x₁]].
    XCTAssertEqual(#hessian(cubicProduct, at: [3.0, -2.0]), [[-4, 6], [6, -4]])
  }

  func testHessianVectorProductEqualsHessianTimesVector() {
    let x = [-1.2, 1.0, 0.7, 0.2]
    let v = [0.5, -2.0, 1.0, 3.0]
    let h = rosenbrockHessian(x)
    let expected = h.map { row in zip(row, v).map(*).reduce(0, +) }
    let hv = #hessianVectorProduct(rosenbrock, at: x, direction: v)
    for (a, e) in zip(hv, expected) { XCTAssertEqual(a, e, accuracy: 1e-11 * max(1, abs(e))) }
    // Against central differences of the reverse-mode gradient along v: (∇f(x + hv) - ∇f(x - hv)) / 2h.
    let step = 1e-6
    let up = #gradient(rosenbrock, at: zip(x, v).map { $0 + step * $1 })
    let down = #gradient(rosenbrock, at: zip(x, v).map { $0 - step * $1 })
    for i in x.indices { XCTAssertEqual(hv[i], (up[i] - down[i]) / (2 * step), accuracy: 1e-6 * max(1, abs(hv[i]))) }
    let loopsHV = #hessianVectorProduct(loopsAndBranches, at: [0.4, 0.3, -0.2], direction: v.dropLast().map { $0 })
    let loopsUp = #gradient(loopsAndBranches, at: zip([0.4, 0.3, -0.2], v).map { $0 + step * $1 })
    let loopsDown = #gradient(loopsAndBranches, at: zip([0.4, 0.3, -0.2], v).map { $0 - step * $1 })
    for i in 0..<3 { XCTAssertEqual(loopsHV[i], (loopsUp[i] - loopsDown[i]) / (2 * step), accuracy: 1e-6 * max(1, abs(loopsHV[i]))) }
    // A closure literal, and a direction along which the function is flat in the second order.
    let flat = #hessianVectorProduct({ x in x[0] * x[1] }, at: [2.0, 5.0], direction: [1.0, 0.0])
    XCTAssertEqual(flat, [0, 1])
  }

  func testHessianAtAKinkOfPowKeepsItsSecondDerivative() {
    // pow(x, 2) at x == 0: the first derivative is exactly 0 there, the second is 2. A rule
    // that tested `== 0` on the dual number would have dropped it.
    XCTAssertEqual(#hessian({ x in pow(x, 2) }, at: 0.0), 2)
    XCTAssertEqual(#hessian({ x in pow(x, 3) }, at: 0.0), 0)
  }

  func testFloatHessian() {
    let h = #hessian(rosenbrock, at: [Float(1), Float(2)])
    XCTAssertEqual(h, [[1202 - 800, -400], [-400, 200]])
  }

  func testNewtonsMethodConvergesOnRosenbrock() {
    // Newton's method with the exact Hessian: from (-1.2, 1) to the minimum (1, 1).
    var x = [-1.2, 1.0]
    for _ in 0..<50 {
      let g = #gradient(rosenbrock, at: x)
      let h = #hessian(rosenbrock, at: x)
      let det = h[0][0] * h[1][1] - h[0][1] * h[1][0]
      x[0] -= (h[1][1] * g[0] - h[0][1] * g[1]) / det
      x[1] -= (-h[1][0] * g[0] + h[0][0] * g[1]) / det
    }
    XCTAssertEqual(x[0], 1, accuracy: 1e-12)
    XCTAssertEqual(x[1], 1, accuracy: 1e-12)
  }
}
