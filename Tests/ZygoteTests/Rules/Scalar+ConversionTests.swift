// Tests for Sources/Zygote/Rules/Scalar+Conversion.swift: conversions between Double and Float
// pass the gradient through, converted back to the argument's type.

import XCTest
import Zygote

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

final class ScalarConversionTests: XCTestCase {
  func testIdentityConversionsMatchFiniteDifferences() {
    checkRule("Double", { _vjp(Double: $0) }, { Double($0) }, at: points(-10...10, as: Double.self))
    checkRule("Float", { _vjp(Float: $0) }, { Float($0) }, at: points(-10...10, as: Float.self))
  }

  /// Float → Double → Float is the identity: the chained pullbacks must give derivative 1.
  func testRoundTripThroughDoubleMatchesFiniteDifferences() {
    let rule: (Float) -> (value: Float, pullback: (Float) -> Float) = { x in
      let (wide, widePullback) = _vjp(Double: x)
      let (narrow, narrowPullback) = _vjp(Float: wide)
      return (narrow, { d in widePullback(narrowPullback(d)) })
    }
    checkRule("Float(Double(x))", rule, { Float(Double($0)) }, at: points(-10...10, as: Float.self))
  }

  /// sin(Double(x)) for a Float x: the gradient computed in Double comes back as a Float.
  func testWideningInsideAComposition() {
    let xs: [Float] = points(-3...3)
    for x in xs {
      let (wide, widePullback) = _vjp(Double: x)
      let (value, sinPullback) = _vjp(sin: wide)
      XCTAssertEqual(value, sin(Double(x)))
      let dx: Float = widePullback(sinPullback(1))
      XCTAssertEqual(dx, Float(cos(Double(x))))
    }
  }

  /// Float(x) for a Double x: the gradient passes straight through rounding and is widened back.
  func testNarrowingIsStraightThrough() {
    let (value, pullback) = _vjp(Float: 0.1)
    XCTAssertEqual(value, Float(0.1))
    let gradient: Double = pullback(2.5)
    XCTAssertEqual(gradient, 2.5)
    XCTAssertEqual(pullback(Float(0.1)), Double(Float(0.1)))
  }

  func testWideningPullbackRoundsToFloat() {
    let (value, pullback) = _vjp(Double: Float(0.5))
    XCTAssertEqual(value, 0.5)
    let gradient: Float = pullback(0.1)
    XCTAssertEqual(gradient, Float(0.1))
    XCTAssertEqual(pullback(1e300), .infinity)
  }

  func testIdentityConversionsPassTheGradient() {
    XCTAssertEqual(_vjp(Double: 2.0).value, 2)
    XCTAssertEqual(_vjp(Double: 2.0).pullback(3), 3)
    XCTAssertEqual(_vjp(Float: Float(2)).pullback(3), 3)
  }

  func testGenericConversionsServeOtherTypes() {
    #if !((os(macOS) || targetEnvironment(macCatalyst)) && arch(x86_64))
      let (value, pullback) = _vjp(Double: Float16(1.5))
      XCTAssertEqual(value, 1.5)
      let gradient: Float16 = pullback(2.25)
      XCTAssertEqual(gradient, 2.25)
      let (narrow, narrowPullback) = _vjp(Float: Float16(0.5))
      XCTAssertEqual(narrow, 0.5)
      XCTAssertEqual(narrowPullback(3), Float16(3))
    #endif
  }
}
