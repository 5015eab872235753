// Tests for Sources/Zygote/Rules/Scalar+Arithmetic.swift: the operator rules against central
// differences at seeded points, exact values at easy points, and the generic rules at types
// other than Double and Float.

import XCTest
import Zygote

final class ScalarArithmeticTests: XCTestCase {
  // MARK: Finite differences

  func testAddMatchesFiniteDifferences() {
    checkRule("+", { _vjp(__add: $0, $1) }, { $0 + $1 }, at: pairs(-10...10, -10...10, as: Double.self))
    checkRule("+", { _vjp(__add: $0, $1) }, { $0 + $1 }, at: pairs(-10...10, -10...10, as: Float.self))
  }

  func testSubtractMatchesFiniteDifferences() {
    checkRule("-", { _vjp(__subtract: $0, $1) }, { $0 - $1 }, at: pairs(-10...10, -10...10, as: Double.self))
    checkRule("-", { _vjp(__subtract: $0, $1) }, { $0 - $1 }, at: pairs(-10...10, -10...10, as: Float.self))
  }

  func testMultiplyMatchesFiniteDifferences() {
    checkRule("*", { _vjp(__multiply: $0, $1) }, { $0 * $1 }, at: pairs(-10...10, -10...10, as: Double.self))
    checkRule("*", { _vjp(__multiply: $0, $1) }, { $0 * $1 }, at: pairs(-10...10, -10...10, as: Float.self))
  }

  func testDivideMatchesFiniteDifferences() {
    // Denominators away from 0, on both sides of it.
    checkRule("/", { _vjp(__divide: $0, $1) }, { $0 / $1 }, at: pairs(-10...10, 0.5...5, as: Double.self))
    checkRule("/", { _vjp(__divide: $0, $1) }, { $0 / $1 }, at: pairs(-10...10, -5 ... -0.5, as: Double.self))
    checkRule("/", { _vjp(__divide: $0, $1) }, { $0 / $1 }, at: pairs(-10...10, 0.5...5, as: Float.self))
    checkRule("/", { _vjp(__divide: $0, $1) }, { $0 / $1 }, at: pairs(-10...10, -5 ... -0.5, as: Float.self))
  }

  func testNegateMatchesFiniteDifferences() {
    checkRule("-", { _vjp(__negate: $0) }, { -$0 }, at: points(-10...10, as: Double.self))
    checkRule("-", { _vjp(__negate: $0) }, { -$0 }, at: points(-10...10, as: Float.self))
  }

  func testPlusMatchesFiniteDifferences() {
    checkRule("+", { _vjp(__plus: $0) }, { +$0 }, at: points(-10...10, as: Double.self))
    checkRule("+", { _vjp(__plus: $0) }, { +$0 }, at: points(-10...10, as: Float.self))
  }

  // MARK: Exact values

  func testExactValuesAtEasyPoints() {
    let sum = _vjp(__add: 2.0, 3.0)
    XCTAssertEqual(sum.value, 5)
    XCTAssertTrue(sum.pullback(1.5) == (1.5, 1.5))

    let difference = _vjp(__subtract: 2.0, 3.0)
    XCTAssertEqual(difference.value, -1)
    XCTAssertTrue(difference.pullback(1.5) == (1.5, -1.5))

    let product = _vjp(__multiply: 2.0, 3.0)
    XCTAssertEqual(product.value, 6)
    XCTAssertTrue(product.pullback(1) == (3, 2))
    XCTAssertTrue(product.pullback(2) == (6, 4))

    let quotient = _vjp(__divide: 1.0, 2.0)
    XCTAssertEqual(quotient.value, 0.5)
    XCTAssertTrue(quotient.pullback(1) == (0.5, -0.25))
    XCTAssertTrue(_vjp(__divide: 6.0, -3.0).pullback(1) == (-1.0 / 3.0, -6.0 / 9.0))

    XCTAssertEqual(_vjp(__negate: 2.0).value, -2)
    XCTAssertEqual(_vjp(__negate: 2.0).pullback(3), -3)
    XCTAssertEqual(_vjp(__plus: 2.0).value, 2)
    XCTAssertEqual(_vjp(__plus: 2.0).pullback(3), 3)
  }

  func testFloatExactValues() {
    let product = _vjp(__multiply: Float(2), Float(3))
    XCTAssertEqual(product.value, 6)
    XCTAssertTrue(product.pullback(1) == (3, 2))
    XCTAssertTrue(_vjp(__divide: Float(1), Float(4)).pullback(1) == (0.25, -0.0625))
  }

  /// Dividing by zero gives infinite gradients, like the quotient: nothing is hidden.
  func testDivisionByZeroHasInfiniteGradients() {
    let (value, pullback) = _vjp(__divide: 1.0, 0.0)
    XCTAssertEqual(value, .infinity)
    let (da, db) = pullback(1)
    XCTAssertEqual(da, .infinity)
    XCTAssertEqual(db, -.infinity)
  }

  // MARK: Generic use

  /// A user's function generic over `FloatingPoint`, written the way the transform writes it:
  /// f(x) = x * x + x / 2, f'(x) = 2x + 1/2.
  private func genericValueAndDerivative<T: FloatingPoint>(_ x: T) -> (T, T) {
    let (a, pa) = _vjp(__multiply: x, x)
    let (b, pb) = _vjp(__divide: x, 2)
    let (y, py) = _vjp(__add: a, b)
    let (da, db) = py(1)
    let (dx1, dx2) = pa(da)
    let (dx3, _) = pb(db)
    return (y, dx1 + dx2 + dx3)
  }

  func testGenericRulesServeEveryFloatingPointType() {
    XCTAssertTrue(genericValueAndDerivative(3.0) == (10.5, 6.5))
    XCTAssertTrue(genericValueAndDerivative(Float(3)) == (10.5, 6.5))
    #if !((os(macOS) || targetEnvironment(macCatalyst)) && arch(x86_64))
      XCTAssertTrue(genericValueAndDerivative(Float16(3)) == (10.5, 6.5))
    #endif
    #if arch(x86_64) && !os(Windows) && !os(Android)
      XCTAssertTrue(genericValueAndDerivative(Float80(3)) == (10.5, 6.5))
    #endif
  }
}
