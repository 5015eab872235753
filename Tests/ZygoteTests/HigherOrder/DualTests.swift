// Dual numbers: the JVP rule of every scalar primitive that has a VJP rule, against the VJP
// rule's derivative and central differences, and the FloatingPoint behaviour generic code
// relies on.

import XCTest
import Zygote
import ZygoteMath

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

final class DualTests: XCTestCase {
  /// Checks `f` on a dual number against its plain value and a central difference.
  func check(
    _ name: String, at x: Double, _ dual: (Dual<Double>) -> Dual<Double>, _ plain: (Double) -> Double,
    file: StaticString = #filePath, line: UInt = #line
  ) {
    let seed = 1.75
    let y = dual(Dual(x, derivative: seed))
    XCTAssertEqual(y.value, plain(x), accuracy: 1e-15 * max(1, abs(plain(x))), "\(name) value", file: file, line: line)
    let h = 1e-6 * max(1, abs(x))
    let numeric = (plain(x + h) - plain(x - h)) / (2 * h)
    XCTAssertEqual(y.derivative, seed * numeric, accuracy: 1e-7 * max(1, abs(numeric)), "\(name)' at \(x)", file: file, line: line)
  }

  func testElementaryJVPRulesMatchFiniteDifferences() {
    for x in [0.3, 0.7, 1.4] {
      check("exp", at: x, { exp($0) }, { exp($0) })
      check("exp2", at: x, { exp2($0) }, { exp2($0) })
      check("expm1", at: x, { expm1($0) }, { expm1($0) })
      check("log", at: x, { log($0) }, { log($0) })
      check("log2", at: x, { log2($0) }, { log2($0) })
      check("log10", at: x, { log10($0) }, { log10($0) })
      check("log1p", at: x, { log1p($0) }, { log1p($0) })
      check("sqrt", at: x, { $0.squareRoot() }, { $0.squareRoot() })
      check("sin", at: x, { sin($0) }, { sin($0) })
      check("cos", at: x, { cos($0) }, { cos($0) })
      check("tan", at: x, { tan($0) }, { tan($0) })
      check("asin", at: x / 2, { asin($0) }, { asin($0) })
      check("acos", at: x / 2, { acos($0) }, { acos($0) })
      check("atan", at: x, { atan($0) }, { atan($0) })
      check("sinh", at: x, { sinh($0) }, { sinh($0) })
      check("cosh", at: x, { cosh($0) }, { cosh($0) })
      check("tanh", at: x, { tanh($0) }, { tanh($0) })
      check("abs", at: -x, { abs($0) }, { abs($0) })
      check("pow x", at: x, { pow($0, Dual(constant: 2.5)) }, { pow($0, 2.5) })
      check("pow y", at: x, { pow(Dual(constant: 1.7), $0) }, { pow(1.7, $0) })
      check("atan2 y", at: x, { atan2($0, Dual(constant: -0.4)) }, { atan2($0, -0.4) })
      check("atan2 x", at: x, { atan2(Dual(constant: 0.9), $0) }, { atan2(0.9, $0) })
      check("hypot", at: x, { hypot($0, Dual(constant: 0.6)) }, { hypot($0, 0.6) })
      check("min", at: x, { min($0, Dual(constant: 1.0)) }, { min($0, 1.0) })
      check("max", at: x, { max($0, Dual(constant: 1.0)) }, { max($0, 1.0) })
      check("* / + -", at: x, { ($0 * $0 - 3) / ($0 + 2) }, { ($0 * $0 - 3) / ($0 + 2) })
      check("remainder", at: x + 3, { $0.truncatingRemainder(dividingBy: 2) }, { $0.truncatingRemainder(dividingBy: 2) })
    }
  }

  func testKinkConventionsMatchTheVJPRules() {
    // abs'(0) = 0, like _vjp(abs:).
    XCTAssertEqual(abs(Dual(0.0, derivative: 1)).derivative, 0)
    // hypot at the origin: derivative 0, like _vjp(hypot:).
    XCTAssertEqual(hypot(Dual(0.0, derivative: 1), Dual(constant: 0)).derivative, 0)
    // sqrt at 0 with a zero tangent stays 0 (no 0/0).
    XCTAssertEqual(Dual(constant: 0.0).squareRoot().derivative, 0)
  }

  func testComparisonsAndConversionsLookAtTheValue() {
    let a = Dual(2.0, derivative: 5)
    let b = Dual(2.0, derivative: -1)
    XCTAssertEqual(a, b)
    XCTAssertTrue(Dual(1.0, derivative: 9) < a)
    XCTAssertEqual(Dual<Double>(a).derivative, 5, "converting a dual to its own type keeps the derivative")
    XCTAssertEqual(Dual<Double>(3.5).derivative, 0)
    XCTAssertEqual((2.5 as Dual<Double>).value, 2.5)
    XCTAssertEqual(a.rounded().derivative, 0)
  }

  func testNestedDualsCarrySecondDerivatives() {
    // x³ at 2 on Dual<Dual<Double>> seeded in both levels: the innermost derivative is 6x = 12.
    let x = Dual(Dual(2.0, derivative: 1), derivative: Dual(1.0, derivative: 0))
    let y = x * x * x
    XCTAssertEqual(y.value.value, 8)
    XCTAssertEqual(y.derivative.value, 12)
    XCTAssertEqual(y.value.derivative, 12)
    XCTAssertEqual(y.derivative.derivative, 12)
  }

  func testGenericFunctionOnDualIsForwardMode() {
    let y = xSinX(Dual(1.3, derivative: 1))
    XCTAssertEqual(y.derivative, sin(1.3) + 1.3 * cos(1.3), accuracy: 1e-15)
    XCTAssertEqual(loopsAndBranches([Dual(0.4, derivative: 1), Dual(constant: 0.3), Dual(constant: -0.2)]).derivative,
      #gradient(loopsAndBranches, at: [0.4, 0.3, -0.2])[0], accuracy: 1e-12)
  }
}
