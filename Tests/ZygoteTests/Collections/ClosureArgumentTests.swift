import XCTest
import Zygote
#if canImport(Glibc)
import Glibc
#endif

/// A user's higher-order function: applies `f` twice.
@Differentiable
func applyTwice(_ f: (Double) -> Double, _ x: Double) -> Double {
  f(f(x))
}

/// Midpoint-rule integral of `f` over [a, b]: a loop that calls the closure.
@Differentiable
func integrate(from a: Double, to b: Double, steps: Int, _ f: (Double) -> Double) -> Double {
  let h = (b - a) / Double(steps)
  var sum = 0.0
  for i in 0..<steps {
    sum += f(a + (Double(i) + 0.5) * h)
  }
  return sum * h
}

/// A two-argument closure, called at a constant: only its captures can carry a gradient.
@Differentiable
func combineAtOne(_ g: (Double, Double) -> Double, _ y: Double) -> Double {
  g(1.0, y) + g(2.0, 0.5)
}

@Differentiable
func usesClosures(_ x: Double, _ w: Double) -> Double {
  let twice = applyTwice({ y in y * w + 1 }, x)
  let area = integrate(from: 0, to: x, steps: 200) { t in sin(t * w) }
  return twice + area + combineAtOne({ $0 * $1 * w }, x)
}

final class ClosureArgumentTests: XCTestCase {
  func testClosureArgumentsAndTheirCapturedVariables() {
    for (x, w) in [(0.7, 1.3), (-0.4, 0.6), (1.9, -0.8)] {
      let (gx, gw) = #gradient(usesClosures, at: x, w)
      assertMatchesFiniteDifference(gx, { usesClosures($0, w) }, at: x)
      assertMatchesFiniteDifference(gw, { usesClosures(x, $0) }, at: w)
    }
  }

  func testClosedFormOfApplyTwice() {
    // (x w + 1) w + 1: d/dx = w^2, d/dw = 2 x w + 1
    let (gx, gw) = #gradient({ (x: Double, w: Double) -> Double in applyTwice({ $0 * w + 1 }, x) }, at: 2.0, 3.0)
    assertClose(gx, 9)
    assertClose(gw, 2 * 2 * 3 + 1)
  }

  func testIntegralWithRespectToItsUpperLimitIsTheIntegrand() {
    // d/db of the midpoint rule's integral of cos over [0, b] with 1000 steps is close to cos(b),
    // and its exact derivative (the rule's) matches a finite difference to 1e-6.
    let b = 1.2
    let g = #gradient({ b in integrate(from: 0, to: b, steps: 1000) { t in cos(t) } }, at: b)
    XCTAssertEqual(g, cos(b), accuracy: 1e-3)
    assertMatchesFiniteDifference(g, { b in integrate(from: 0, to: b, steps: 1000) { t in cos(t) } }, at: b)
  }
}
