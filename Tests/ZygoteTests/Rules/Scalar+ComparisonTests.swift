// Tests for Sources/Zygote/Rules/Scalar+Comparison.swift: abs, fabs, min and max against central
// differences away from their kinks, and the kink conventions (abs'(0) = 0, ties split evenly)
// as exact values.

import XCTest
import Zygote

final class ScalarComparisonTests: XCTestCase {
  /// Pairs at least 0.1 apart, so that no finite-difference step crosses the kink `a == b`.
  private func separatedPairs<T: GradCheckScalar>(as type: T.Type) -> [(T, T)] {
    let drawn: [(T, T)] = pairs(-5...5, -5...5, count: 16, seed: 0xC0FFEE, as: type)
    return drawn.filter { abs($0.0 - $0.1) > T(0.1) }
  }

  // MARK: abs and fabs

  func testAbsMatchesFiniteDifferences() {
    checkRule("abs", { _vjp(abs: $0) }, { abs($0) }, at: points(0.1...10, as: Double.self))
    checkRule("abs", { _vjp(abs: $0) }, { abs($0) }, at: points(-10 ... -0.1, as: Double.self))
    checkRule("abs", { _vjp(abs: $0) }, { abs($0) }, at: points(0.1...10, as: Float.self))
    checkRule("abs", { _vjp(abs: $0) }, { abs($0) }, at: points(-10 ... -0.1, as: Float.self))
  }

  func testFabsMatchesFiniteDifferences() {
    checkRule("fabs", { _vjp(fabs: $0) }, { abs($0) }, at: points(-10...10, as: Double.self))
    checkRule("fabs", { _vjp(fabs: $0) }, { abs($0) }, at: points(-10...10, as: Float.self))
  }

  func testAbsExactValues() {
    XCTAssertEqual(_vjp(abs: -2.0).value, 2)
    XCTAssertEqual(_vjp(abs: -2.0).pullback(3), -3)
    XCTAssertEqual(_vjp(abs: 2.0).pullback(3), 3)
    XCTAssertEqual(_vjp(abs: Float(-2)).pullback(3), -3)
    XCTAssertEqual(_vjp(fabs: -2.0).pullback(3), -3)
  }

  /// The kink convention: abs'(0) = sign(0) = 0 at both zeros, and an infinite incoming gradient
  /// gives 0 there too, not Inf · 0 = NaN.
  func testAbsAtZeroHasGradientZero() {
    XCTAssertEqual(_vjp(abs: 0.0).pullback(1), 0)
    XCTAssertEqual(_vjp(abs: -0.0).pullback(1), 0)
    XCTAssertEqual(_vjp(abs: Float(0)).pullback(1), 0)
    XCTAssertEqual(_vjp(abs: 0.0).pullback(.infinity), 0)
    XCTAssertEqual(_vjp(fabs: 0.0).pullback(1), 0)
  }

  func testAbsOfNaNHasNaNGradient() {
    XCTAssertTrue(_vjp(abs: Double.nan).pullback(1).isNaN)
  }

  // MARK: min and max

  func testMinMatchesFiniteDifferences() {
    checkRule("min", { _vjp(min: $0, $1) }, { min($0, $1) }, at: separatedPairs(as: Double.self))
    checkRule("min", { _vjp(min: $0, $1) }, { min($0, $1) }, at: separatedPairs(as: Float.self))
  }

  func testMaxMatchesFiniteDifferences() {
    checkRule("max", { _vjp(max: $0, $1) }, { max($0, $1) }, at: separatedPairs(as: Double.self))
    checkRule("max", { _vjp(max: $0, $1) }, { max($0, $1) }, at: separatedPairs(as: Float.self))
  }

  func testMinAndMaxSendTheGradientToTheSelectedArgument() {
    XCTAssertEqual(_vjp(max: 2.0, 1.0).value, 2)
    XCTAssertTrue(_vjp(max: 2.0, 1.0).pullback(3) == (3, 0))
    XCTAssertTrue(_vjp(max: 1.0, 2.0).pullback(3) == (0, 3))
    XCTAssertEqual(_vjp(min: 2.0, 1.0).value, 1)
    XCTAssertTrue(_vjp(min: 2.0, 1.0).pullback(3) == (0, 3))
    XCTAssertTrue(_vjp(min: 1.0, 2.0).pullback(3) == (3, 0))
  }

  /// The kink convention: at a tie the gradient is split evenly, half to each argument.
  func testTiesSplitTheGradientEvenly() {
    XCTAssertTrue(_vjp(max: 1.0, 1.0).pullback(1) == (0.5, 0.5))
    XCTAssertTrue(_vjp(min: 1.0, 1.0).pullback(1) == (0.5, 0.5))
    XCTAssertTrue(_vjp(max: 2.0, 2.0).pullback(3) == (1.5, 1.5))
    XCTAssertTrue(_vjp(max: Float(1), Float(1)).pullback(1) == (0.5, 0.5))
    XCTAssertTrue(_vjp(min: Float(1), Float(1)).pullback(1) == (0.5, 0.5))
    // +0 and -0 compare equal: a tie.
    XCTAssertTrue(_vjp(max: 0.0, -0.0).pullback(1) == (0.5, 0.5))
  }

  /// With a NaN argument, the gradient follows the argument that Swift's min or max returned.
  func testNaNArgumentsFollowTheReturnedArgument() {
    let maxNaNFirst = _vjp(max: Double.nan, 1.0)
    XCTAssertTrue(identical(maxNaNFirst.value, max(Double.nan, 1.0)))
    XCTAssertTrue(maxNaNFirst.value.isNaN)
    XCTAssertTrue(maxNaNFirst.pullback(1) == (1, 0))
    let maxNaNSecond = _vjp(max: 1.0, Double.nan)
    XCTAssertEqual(maxNaNSecond.value, max(1.0, Double.nan))
    XCTAssertTrue(maxNaNSecond.pullback(1) == (1, 0))
    let minNaNSecond = _vjp(min: 1.0, Double.nan)
    XCTAssertEqual(minNaNSecond.value, min(1.0, Double.nan))
    XCTAssertTrue(minNaNSecond.pullback(1) == (1, 0))
  }

  func testGenericRulesServeFloat16() {
    #if !((os(macOS) || targetEnvironment(macCatalyst)) && arch(x86_64))
      XCTAssertTrue(_vjp(max: Float16(1), Float16(1)).pullback(1) == (0.5, 0.5))
      XCTAssertEqual(_vjp(abs: Float16(-2)).pullback(1), -1)
    #endif
  }
}
