// Tests for Sources/Zygote/DifferentiableFunction.swift: a function value chosen at run time is
// evaluated and differentiated through its stored rule.

import XCTest
import Zygote

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A global table of function values: this compiles in Swift 6 language mode only because
/// `DifferentiableFunction` is `Sendable`.
private let trigonometric: [String: DifferentiableFunction<Double, Double>] = [
  "sin": DifferentiableFunction { _vjp(sin: $0) },
  "cos": DifferentiableFunction { _vjp(cos: $0) },
  "tan": DifferentiableFunction { _vjp(tan: $0) },
]

final class DifferentiableFunctionTests: XCTestCase {
  func testCallingEvaluatesTheFunction() {
    XCTAssertEqual(trigonometric["sin"]!(1.0), sin(1.0))
    XCTAssertEqual(trigonometric["cos"]!(1.0), cos(1.0))
    XCTAssertEqual(trigonometric["tan"]!(1.0), tan(1.0))
  }

  func testValueWithPullback() {
    let square = DifferentiableFunction<Double, Double> { x in (x * x, { d in 2 * x * d }) }
    XCTAssertEqual(square(3), 9)
    let (value, pullback) = square.valueWithPullback(at: 3)
    XCTAssertEqual(value, 9)
    XCTAssertEqual(pullback(1), 6)
    XCTAssertEqual(pullback(0.5), 3)
  }

  /// The rule the transform emits for `fs[name]!(x)`: the function value gets no gradient, the
  /// input gets the stored rule's.
  func testApplyRulePassesTheGradientThroughTheStoredRule() {
    for (name, f) in [("sin", sin), ("cos", cos), ("tan", tan)] as [(String, (Double) -> Double)] {
      let rule: (Double) -> (value: Double, pullback: (Double) -> Double) = { x in
        let (value, pullback) = _vjp(apply: trigonometric[name]!, x)
        return (value, { d in pullback(d).1 })
      }
      checkRule("apply(\(name))", rule, f, at: points(-1.2...1.2))
    }
    let (value, pullback) = _vjp(apply: trigonometric["sin"]!, 0.0)
    XCTAssertEqual(value, 0)
    let (dFunction, dx) = pullback(2)
    XCTAssertEqual(dFunction, NoTangent())
    XCTAssertEqual(dx, 2)
  }

  func testInputAndOutputTypesCanDiffer() {
    let widenedSin = DifferentiableFunction<Float, Double> { x in
      let (wide, widePullback) = _vjp(Double: x)
      let (value, sinPullback) = _vjp(sin: wide)
      return (value, { d in widePullback(sinPullback(d)) })
    }
    XCTAssertEqual(widenedSin(Float(0)), 0)
    let gradient: Float = _vjp(apply: widenedSin, Float(0)).pullback(3).1
    XCTAssertEqual(gradient, 3)
  }

  func testAFunctionValueHasNoTangent() {
    XCTAssertEqual(trigonometric["sin"]!.zeroTangent, NoTangent())
    XCTAssertEqual(_zeroTangent(like: trigonometric["sin"]!), NoTangent())
  }

  func testFunctionValuesCanBeSentAcrossTasks() async {
    let f = trigonometric["sin"]!
    let value = await Task.detached { f(0.5) }.value
    XCTAssertEqual(value, sin(0.5))
  }

  /// A function value bound to a variable first, then called: its `callAsFunction` rule.
  func testFunctionValueHeldInAVariable() {
    let table: [String: DifferentiableFunction<Double, Double>] = ["sin": #differentiable(sin), "square": #differentiable({ x in x * x })]
    for name in ["sin", "square"] {
      let g = #gradient({ (x: Double) -> Double in
        let f = table[name]!
        return f(x) * 3
      }, at: 0.7)
      assertClose(g, name == "sin" ? 3 * cos(0.7) : 3 * 2 * 0.7)
    }
  }
}
