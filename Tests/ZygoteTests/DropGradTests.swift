// Tests for Sources/Zygote/DropGrad.swift: `dropgrad` is the identity on values and its rule
// stops the gradient.

import XCTest
import Zygote

final class DropGradTests: XCTestCase {
  func testDropgradReturnsItsArgument() {
    XCTAssertEqual(dropgrad(2.5), 2.5)
    XCTAssertEqual(dropgrad(Float(2.5)), 2.5)
    XCTAssertEqual(dropgrad("text"), "text")
    XCTAssertEqual(dropgrad([1, 2, 3]), [1, 2, 3])
  }

  func testRuleReturnsTheValueAndAZeroGradient() {
    let (value, pullback) = _vjp(dropgrad: 2.5)
    XCTAssertEqual(value, 2.5)
    XCTAssertEqual(pullback(7), 0)
    XCTAssertEqual(_vjp(dropgrad: Float(2.5)).pullback(7), 0)
    XCTAssertEqual(_vjp(dropgrad: 3).pullback(NoTangent()), NoTangent())
  }

  /// x * dropgrad(x), differentiated as the transform would: the value is x², the derivative x
  /// (only the first factor is differentiated).
  func testDropgradInAProductStopsOneFactor() {
    let x = 3.0
    let (stopped, stoppedPullback) = _vjp(dropgrad: x)
    let (y, productPullback) = _vjp(__multiply: x, stopped)
    XCTAssertEqual(y, 9)
    let (dFirst, dSecond) = productPullback(1)
    let dx = dFirst + stoppedPullback(dSecond)
    XCTAssertEqual(dx, 3)
  }
}
