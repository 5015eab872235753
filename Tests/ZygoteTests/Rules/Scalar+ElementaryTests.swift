// Tests for Sources/Zygote/Rules/Scalar+Elementary.swift: every rule against central differences
// at seeded points of its domain, for Double and Float, plus exact derivatives at easy points and
// the documented behaviour at singular points.

import XCTest
import Zygote

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

final class ScalarElementaryTests: XCTestCase {
  private let ln2 = 0.693_147_180_559_945_309_417_232_121_458_176_568
  private let ln10 = 2.302_585_092_994_045_684_017_991_454_684_364_208

  // MARK: Square root

  func testSqrtMatchesFiniteDifferences() {
    checkRule("sqrt", { _vjp(sqrt: $0) }, { sqrt($0) }, at: points(0.05...10, as: Double.self))
    checkRule("sqrt", { _vjp(sqrt: $0) }, { sqrt($0) }, at: points(0.05...10, as: Float.self))
  }

  func testSquareRootMethodMatchesFiniteDifferences() {
    checkRule("squareRoot", { $0._vjpm(squareRoot: ()) }, { $0.squareRoot() }, at: points(0.05...10, as: Double.self))
    checkRule("squareRoot", { $0._vjpm(squareRoot: ()) }, { $0.squareRoot() }, at: points(0.05...10, as: Float.self))
  }

  func testSqrtExactValues() {
    XCTAssertEqual(_vjp(sqrt: 4.0).value, 2)
    XCTAssertEqual(_vjp(sqrt: 4.0).pullback(1), 0.25)
    XCTAssertEqual(_vjp(sqrt: Float(4)).pullback(1), 0.25)
    XCTAssertEqual((4.0)._vjpm(squareRoot: ()).pullback(2), 0.5)
    XCTAssertEqual(Float(4)._vjpm(squareRoot: ()).pullback(2), 0.5)
    // The one-sided derivative at 0 is infinite.
    XCTAssertEqual(_vjp(sqrt: 0.0).pullback(1), .infinity)
  }

  // MARK: Exponentials

  func testExpMatchesFiniteDifferences() {
    checkRule("exp", { _vjp(exp: $0) }, { exp($0) }, at: points(-5...5, as: Double.self))
    checkRule("exp", { _vjp(exp: $0) }, { exp($0) }, at: points(-5...5, as: Float.self))
  }

  func testExp2MatchesFiniteDifferences() {
    checkRule("exp2", { _vjp(exp2: $0) }, { exp2($0) }, at: points(-5...5, as: Double.self))
    checkRule("exp2", { _vjp(exp2: $0) }, { exp2($0) }, at: points(-5...5, as: Float.self))
  }

  func testExpm1MatchesFiniteDifferences() {
    checkRule("expm1", { _vjp(expm1: $0) }, { expm1($0) }, at: points(-3...3, as: Double.self))
    checkRule("expm1", { _vjp(expm1: $0) }, { expm1($0) }, at: points(-3...3, as: Float.self))
  }

  func testExponentialsExactValues() {
    XCTAssertEqual(_vjp(exp: 0.0).value, 1)
    XCTAssertEqual(_vjp(exp: 0.0).pullback(1), 1)
    XCTAssertEqual(_vjp(exp: Float(0)).pullback(1), 1)
    XCTAssertEqual(_vjp(exp: 1.0).pullback(2), 2 * exp(1.0))
    XCTAssertEqual(_vjp(exp2: 0.0).pullback(1), ln2)
    XCTAssertEqual(_vjp(exp2: 3.0).pullback(1), 8 * ln2)
    XCTAssertEqual(_vjp(exp2: Float(0)).pullback(1), Float(ln2))
    XCTAssertEqual(_vjp(expm1: 0.0).pullback(1), 1)
    XCTAssertEqual(_vjp(expm1: Float(0)).pullback(1), 1)
  }

  // MARK: Logarithms

  func testLogMatchesFiniteDifferences() {
    checkRule("log", { _vjp(log: $0) }, { log($0) }, at: points(0.05...20, as: Double.self))
    checkRule("log", { _vjp(log: $0) }, { log($0) }, at: points(0.05...20, as: Float.self))
  }

  func testLog2MatchesFiniteDifferences() {
    checkRule("log2", { _vjp(log2: $0) }, { log2($0) }, at: points(0.05...20, as: Double.self))
    checkRule("log2", { _vjp(log2: $0) }, { log2($0) }, at: points(0.05...20, as: Float.self))
  }

  func testLog10MatchesFiniteDifferences() {
    checkRule("log10", { _vjp(log10: $0) }, { log10($0) }, at: points(0.05...20, as: Double.self))
    checkRule("log10", { _vjp(log10: $0) }, { log10($0) }, at: points(0.05...20, as: Float.self))
  }

  func testLog1pMatchesFiniteDifferences() {
    checkRule("log1p", { _vjp(log1p: $0) }, { log1p($0) }, at: points(-0.9...10, as: Double.self))
    checkRule("log1p", { _vjp(log1p: $0) }, { log1p($0) }, at: points(-0.9...10, as: Float.self))
  }

  func testLogarithmsExactValues() {
    XCTAssertEqual(_vjp(log: 1.0).value, 0)
    XCTAssertEqual(_vjp(log: 1.0).pullback(1), 1)
    XCTAssertEqual(_vjp(log: 2.0).pullback(1), 0.5)
    XCTAssertEqual(_vjp(log: Float(4)).pullback(1), 0.25)
    XCTAssertEqual(_vjp(log2: 1.0).pullback(1), 1 / ln2)
    XCTAssertEqual(_vjp(log10: 1.0).pullback(1), 1 / ln10)
    XCTAssertEqual(_vjp(log2: Float(1)).pullback(1), Float(1 / ln2), accuracy: 1e-6)
    XCTAssertEqual(_vjp(log10: Float(1)).pullback(1), Float(1 / ln10), accuracy: 1e-6)
    XCTAssertEqual(_vjp(log1p: 0.0).pullback(1), 1)
    XCTAssertEqual(_vjp(log1p: 1.0).pullback(1), 0.5)
    XCTAssertEqual(_vjp(log1p: Float(0)).pullback(1), 1)
    // At the edge of the domain: value -Inf, gradient +Inf.
    XCTAssertEqual(_vjp(log: 0.0).value, -.infinity)
    XCTAssertEqual(_vjp(log: 0.0).pullback(1), .infinity)
  }

  // MARK: Power

  func testPowMatchesFiniteDifferences() {
    checkRule("pow", { _vjp(pow: $0, $1) }, { pow($0, $1) }, at: pairs(0.1...4, -3...3, as: Double.self))
    checkRule("pow", { _vjp(pow: $0, $1) }, { pow($0, $1) }, at: pairs(0.1...4, -3...3, as: Float.self))
  }

  /// A negative base has a real power for integer exponents; check ∂/∂x there (∂/∂y has no
  /// real neighbourhood to take a finite difference in).
  func testPowWithNegativeBaseAndIntegerExponent() {
    let bases: [Double] = points(-3 ... -0.5)
    for x in bases {
      for y in [-2.0, 1, 2, 3] {
        let (value, pullback) = _vjp(pow: x, y)
        XCTAssertEqual(value, pow(x, y))
        assertGradientClose(pullback(1).0, numericDerivative({ pow($0, y) }, at: x), "∂pow(\(x), \(y))/∂x")
      }
    }
    // The real part of the complex derivative in y: xʸ · ln|x|.
    XCTAssertEqual(_vjp(pow: -2.0, 3.0).pullback(1).1, -8 * ln2)
  }

  func testPowExactValues() {
    let (value, pullback) = _vjp(pow: 2.0, 3.0)
    XCTAssertEqual(value, 8)
    XCTAssertTrue(pullback(1) == (12, 8 * ln2))
    XCTAssertTrue(pullback(0.5) == (6, 4 * ln2))
    XCTAssertTrue(_vjp(pow: Float(2), Float(3)).pullback(1) == (12, 8 * Float(ln2)))
    // y == 0: x⁰ is constant in x.
    XCTAssertTrue(_vjp(pow: 5.0, 0.0).pullback(1) == (0, log(5.0)))
  }

  /// The conventions at x == 0: ∂/∂x as y · 0ʸ⁻¹ (0 for y > 1, 1 for y == 1, +Inf for
  /// 0 < y < 1, 0 for y == 0), ∂/∂y defined as 0.
  func testPowAtZeroBase() {
    XCTAssertTrue(_vjp(pow: 0.0, 2.0).pullback(1) == (0, 0))
    XCTAssertTrue(_vjp(pow: 0.0, 1.0).pullback(1) == (1, 0))
    XCTAssertTrue(_vjp(pow: 0.0, 0.5).pullback(1) == (.infinity, 0))
    XCTAssertEqual(_vjp(pow: 0.0, 0.0).value, 1)
    XCTAssertTrue(_vjp(pow: 0.0, 0.0).pullback(1) == (0, 0))
    XCTAssertTrue(_vjp(pow: Float(0), Float(2)).pullback(1) == (0, 0))
    XCTAssertTrue(_vjp(pow: Float(0), Float(0)).pullback(1) == (0, 0))
  }

  /// sqrt(x²) at 0: the square root passes +Inf back, and the power's local derivative 2 · 0 is
  /// exactly 0, so the gradient is 0, not Inf · 0 = NaN (Zygote.jl's power rule does the same).
  func testSquareRootOfSquareAtZeroIsZeroNotNaN() {
    for x in [0.0, -0.0] {
      let (square, squarePullback) = _vjp(pow: x, 2)
      let (root, rootPullback) = _vjp(sqrt: square)
      XCTAssertEqual(root, 0)
      let dSquare = rootPullback(1)
      XCTAssertEqual(dSquare, .infinity)
      let (dx, dy) = squarePullback(dSquare)
      XCTAssertEqual(dx, 0)
      XCTAssertEqual(dy, 0)
    }
    let (square, squarePullback) = _vjp(pow: Float(0), 2)
    XCTAssertEqual(squarePullback(_vjp(sqrt: square).pullback(1)).0, 0)
  }

  // MARK: Trigonometric functions

  func testSinMatchesFiniteDifferences() {
    checkRule("sin", { _vjp(sin: $0) }, { sin($0) }, at: points(-6...6, as: Double.self))
    checkRule("sin", { _vjp(sin: $0) }, { sin($0) }, at: points(-6...6, as: Float.self))
  }

  func testCosMatchesFiniteDifferences() {
    checkRule("cos", { _vjp(cos: $0) }, { cos($0) }, at: points(-6...6, as: Double.self))
    checkRule("cos", { _vjp(cos: $0) }, { cos($0) }, at: points(-6...6, as: Float.self))
  }

  func testTanMatchesFiniteDifferences() {
    // One period away from the poles at ±π/2.
    checkRule("tan", { _vjp(tan: $0) }, { tan($0) }, at: points(-1.3...1.3, as: Double.self))
    checkRule("tan", { _vjp(tan: $0) }, { tan($0) }, at: points(-1.3...1.3, as: Float.self))
  }

  func testAsinMatchesFiniteDifferences() {
    checkRule("asin", { _vjp(asin: $0) }, { asin($0) }, at: points(-0.95...0.95, as: Double.self))
    checkRule("asin", { _vjp(asin: $0) }, { asin($0) }, at: points(-0.95...0.95, as: Float.self))
  }

  func testAcosMatchesFiniteDifferences() {
    checkRule("acos", { _vjp(acos: $0) }, { acos($0) }, at: points(-0.95...0.95, as: Double.self))
    checkRule("acos", { _vjp(acos: $0) }, { acos($0) }, at: points(-0.95...0.95, as: Float.self))
  }

  func testAtanMatchesFiniteDifferences() {
    checkRule("atan", { _vjp(atan: $0) }, { atan($0) }, at: points(-10...10, as: Double.self))
    checkRule("atan", { _vjp(atan: $0) }, { atan($0) }, at: points(-10...10, as: Float.self))
  }

  func testAtan2MatchesFiniteDifferences() {
    // Right half-plane, and upper and lower half-planes away from the branch cut (x < 0, y = 0).
    for (ys, xs) in [(-3.0...3.0, 0.2...3.0), (0.2...3.0, -3.0...3.0), (-3.0 ... -0.2, -3.0...3.0)] {
      checkRule("atan2", { _vjp(atan2: $0, $1) }, { atan2($0, $1) }, at: pairs(ys, xs, as: Double.self))
      checkRule("atan2", { _vjp(atan2: $0, $1) }, { atan2($0, $1) }, at: pairs(ys, xs, as: Float.self))
    }
  }

  func testHypotMatchesFiniteDifferences() {
    checkRule("hypot", { _vjp(hypot: $0, $1) }, { hypot($0, $1) }, at: pairs(-5...5, -5...5, as: Double.self))
    checkRule("hypot", { _vjp(hypot: $0, $1) }, { hypot($0, $1) }, at: pairs(-5...5, -5...5, as: Float.self))
  }

  func testTrigonometricExactValues() {
    XCTAssertEqual(_vjp(sin: 0.0).value, 0)
    XCTAssertEqual(_vjp(sin: 0.0).pullback(1), 1)
    XCTAssertEqual(_vjp(sin: Float(0)).pullback(1), 1)
    XCTAssertEqual(_vjp(sin: 0.0).pullback(-2), -2)
    XCTAssertEqual(_vjp(cos: 0.0).value, 1)
    XCTAssertEqual(_vjp(cos: 0.0).pullback(1), 0)
    XCTAssertEqual(_vjp(cos: Double.pi / 2).pullback(1), -1)
    XCTAssertEqual(_vjp(cos: Float.pi / 2).pullback(1), -1)
    XCTAssertEqual(_vjp(tan: 0.0).pullback(1), 1)
    XCTAssertEqual(_vjp(tan: Float(0)).pullback(1), 1)
    XCTAssertEqual(_vjp(asin: 0.0).pullback(1), 1)
    XCTAssertEqual(_vjp(asin: 0.5).pullback(1), 1 / sqrt(0.75))
    XCTAssertEqual(_vjp(asin: 1.0).pullback(1), .infinity)
    XCTAssertEqual(_vjp(acos: 0.0).pullback(1), -1)
    XCTAssertEqual(_vjp(acos: Float(0)).pullback(1), -1)
    XCTAssertEqual(_vjp(atan: 0.0).pullback(1), 1)
    XCTAssertEqual(_vjp(atan: 1.0).pullback(1), 0.5)
    XCTAssertEqual(_vjp(atan: Float(1)).pullback(1), 0.5)
  }

  func testAtan2ExactValues() {
    XCTAssertEqual(_vjp(atan2: 1.0, 1.0).value, Double.pi / 4)
    XCTAssertTrue(_vjp(atan2: 1.0, 1.0).pullback(1) == (0.5, -0.5))
    XCTAssertTrue(_vjp(atan2: 0.0, 2.0).pullback(1) == (0.5, 0))
    XCTAssertTrue(_vjp(atan2: Float(1), Float(1)).pullback(1) == (0.5, -0.5))
    // At the origin both partials are NaN (documented).
    let (dy, dx) = _vjp(atan2: 0.0, 0.0).pullback(1)
    XCTAssertTrue(dy.isNaN && dx.isNaN)
  }

  func testHypotExactValues() {
    XCTAssertEqual(_vjp(hypot: 3.0, 4.0).value, 5)
    XCTAssertTrue(_vjp(hypot: 3.0, 4.0).pullback(1) == (3.0 / 5.0, 4.0 / 5.0))
    XCTAssertTrue(_vjp(hypot: -3.0, 4.0).pullback(1) == (-3.0 / 5.0, 4.0 / 5.0))
    XCTAssertTrue(_vjp(hypot: Float(3), Float(4)).pullback(1) == (Float(3) / 5, Float(4) / 5))
    // The kink at the origin: (0, 0), like abs'(0) = 0, not NaN.
    XCTAssertTrue(_vjp(hypot: 0.0, 0.0).pullback(1) == (0, 0))
    XCTAssertTrue(_vjp(hypot: Float(0), Float(0)).pullback(1) == (0, 0))
  }

  // MARK: Hyperbolic functions

  func testSinhMatchesFiniteDifferences() {
    checkRule("sinh", { _vjp(sinh: $0) }, { sinh($0) }, at: points(-4...4, as: Double.self))
    checkRule("sinh", { _vjp(sinh: $0) }, { sinh($0) }, at: points(-4...4, as: Float.self))
  }

  func testCoshMatchesFiniteDifferences() {
    checkRule("cosh", { _vjp(cosh: $0) }, { cosh($0) }, at: points(-4...4, as: Double.self))
    checkRule("cosh", { _vjp(cosh: $0) }, { cosh($0) }, at: points(-4...4, as: Float.self))
  }

  func testTanhMatchesFiniteDifferences() {
    checkRule("tanh", { _vjp(tanh: $0) }, { tanh($0) }, at: points(-4...4, as: Double.self))
    checkRule("tanh", { _vjp(tanh: $0) }, { tanh($0) }, at: points(-4...4, as: Float.self))
  }

  func testHyperbolicExactValues() {
    XCTAssertEqual(_vjp(sinh: 0.0).pullback(1), 1)
    XCTAssertEqual(_vjp(sinh: Float(0)).pullback(1), 1)
    XCTAssertEqual(_vjp(cosh: 0.0).value, 1)
    XCTAssertEqual(_vjp(cosh: 0.0).pullback(1), 0)
    XCTAssertEqual(_vjp(cosh: Float(0)).pullback(1), 0)
    XCTAssertEqual(_vjp(tanh: 0.0).pullback(1), 1)
    XCTAssertEqual(_vjp(tanh: Float(0)).pullback(1), 1)
    // Saturated: tanh rounds to 1, the gradient is exactly 0.
    XCTAssertEqual(_vjp(tanh: 30.0).pullback(1), 0)
  }
}
