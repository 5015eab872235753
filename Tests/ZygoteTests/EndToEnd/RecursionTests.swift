// Directly recursive functions, whose rules record each level on a tape (RecursiveRule.swift in
// the transform): gradients against closed forms and central differences, at depths from 0 to
// 1000, with several call sites per level, early exits, calls that receive no gradient, generic
// scalars (also run on Dual numbers by #hessian), and two differentiated parameters.

import XCTest
import Zygote
import ZygoteMath

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// W3's p: xⁿ by recursion.
@Differentiable
func tapePower(_ x: Double, _ n: Int) -> Double { n == 0 ? 1 : x * tapePower(x, n - 1) }

/// W3's q: q₀ = x, qₙ = sin(qₙ₋₁) + x.
@Differentiable
func tapeSine(_ x: Double, _ n: Int) -> Double { n == 0 ? x : sin(tapeSine(x, n - 1)) + x }

/// Two recursive calls per level: f₀ = x, f₁ = x², fₙ = fₙ₋₁·x + sin(fₙ₋₂).
@Differentiable
func tapeFibonacci(_ x: Double, _ n: Int) -> Double {
  if n == 0 { return x }
  if n == 1 { return x * x }
  return tapeFibonacci(x, n - 1) * x + sin(tapeFibonacci(x, n - 2))
}

/// guard, if / else if, early returns, a local variable reassigned after the recursive call.
@Differentiable
func tapeBranches(_ x: Double, _ n: Int) -> Double {
  guard n > 0 else { return x }
  if n % 3 == 0 {
    return cos(tapeBranches(x, n - 1)) * x
  } else if n % 3 == 1 {
    let y = tapeBranches(x, n - 1)
    if y > 10 { return y * 0.5 }
    return y * y + x
  }
  var s = tapeBranches(x, n - 1)
  s = s * 0.5 + sin(x)
  return s
}

/// Recursive calls whose results receive no gradient: one only compared, one in dropgrad.
/// f₀ = x; fₙ = 2x when fₙ₋₁ > 1, else x² + dropgrad(fₙ₋₁): the gradient is 1, 2 or 2x.
@Differentiable
func tapeCompared(_ x: Double, _ n: Int) -> Double {
  if n == 0 { return x }
  if tapeCompared(x, n - 1) > 1 { return x * 2 }
  return x * x + dropgrad(tapeCompared(x, n - 1))
}

/// Generic over the scalar, so that #hessian runs its rule on Dual numbers.
@Differentiable
func tapeGeneric<T: ElementaryFloatingPoint>(_ x: T, _ n: Int) -> T {
  n == 0 ? x : sin(tapeGeneric(x, n - 1)) * x + x
}

/// `tapeGeneric` at fixed depths, as functions of one scalar for #hessian.
@Differentiable
func tapeGenericDepth1<T: ElementaryFloatingPoint>(_ x: T) -> T { tapeGeneric(x, 1) }
@Differentiable
func tapeGenericDepth12<T: ElementaryFloatingPoint>(_ x: T) -> T { tapeGeneric(x, 12) }

/// Two differentiated parameters, swapped and transformed on the way down.
@Differentiable
func tapeTwo(_ x: Double, _ y: Double, _ n: Int) -> Double {
  if n == 0 { return x * y }
  return tapeTwo(y, sin(x), n - 1) + x * 0.5
}

/// Argument labels, an Int parameter that scales the result, a recursive call as an argument
/// of a recursive call.
@Differentiable
func tapeLabelled(x: Double, steps n: Int, scale k: Int) -> Double {
  if n <= 0 { return x * Double(k) }
  return tapeLabelled(x: tapeLabelled(x: x, steps: n - 2, scale: k) * 0.5, steps: n - 1, scale: 1) + x
}

final class RecursionTapeTests: XCTestCase {
  func testPowerMatchesClosedForm() {
    for x in [0.5, 1.01, -1.3] {
      for n in [0, 1, 2, 10, 100] {
        let (g, _) = #gradient(tapePower, at: x, n)
        let expected = n == 0 ? 0 : Double(n) * pow(x, Double(n - 1))
        assertClose(g, expected, tolerance: 1e-12, "x = \(x), n = \(n)")
      }
    }
    let (deep, _) = #gradient(tapePower, at: 1.0001, 1000)
    assertClose(deep, 1000 * pow(1.0001, 999), tolerance: 1e-11, "n = 1000")
  }

  /// dqₙ/dx = cos(qₙ₋₁)·dqₙ₋₁/dx + 1, dq₀/dx = 1, run forward.
  func sineDerivative(_ x: Double, _ n: Int) -> Double {
    var q = x
    var dq = 1.0
    for _ in 0..<n {
      dq = cos(q) * dq + 1
      q = sin(q) + x
    }
    return dq
  }

  func testSineMatchesClosedForm() {
    for x in [0.7, -0.4, 2.5] {
      for n in [0, 1, 2, 7, 100, 1000] {
        let (g, _) = #gradient(tapeSine, at: x, n)
        assertClose(g, sineDerivative(x, n), tolerance: 1e-12, "x = \(x), n = \(n)")
      }
    }
  }

  func testTwoCallsPerLevel() {
    // Closed form: the derivative pair (f, f') run forward.
    func reference(_ x: Double, _ n: Int) -> Double {
      if n == 0 { return 1 }
      var (f0, d0) = (x, 1.0)
      var (f1, d1) = (x * x, 2 * x)
      if n == 1 { return d1 }
      for _ in 2...n {
        let f2 = f1 * x + sin(f0)
        let d2 = d1 * x + f1 + cos(f0) * d0
        (f0, d0, f1, d1) = (f1, d1, f2, d2)
      }
      return d1
    }
    for x in [0.3, 0.9, -0.6] {
      for n in [0, 1, 2, 3, 8, 15] {
        let (g, _) = #gradient(tapeFibonacci, at: x, n)
        assertClose(g, reference(x, n), tolerance: 1e-12, "x = \(x), n = \(n)")
        assertMatchesFiniteDifference(g, { tapeFibonacci($0, n) }, at: x, "x = \(x), n = \(n)")
      }
    }
  }

  func testGuardIfElseIfAndEarlyReturns() {
    for x in [0.3, 0.8, 1.7] {
      for n in 0...10 {
        let (g, _) = #gradient(tapeBranches, at: x, n)
        assertMatchesFiniteDifference(g, { tapeBranches($0, n) }, at: x, "x = \(x), n = \(n)")
      }
    }
  }

  func testRecursiveCallsWithoutGradient() {
    for x in [0.5, 0.95, 1.5, 3.0] {
      for n in 0...6 {
        let (g, _) = #gradient(tapeCompared, at: x, n)
        let expected = n == 0 ? 1 : (tapeCompared(x, n - 1) > 1 ? 2 : 2 * x)
        XCTAssertEqual(g, expected, "x = \(x), n = \(n)")
      }
    }
  }

  func testGenericGradientAndHessian() {
    for x in [0.4, 1.1] {
      for n in [0, 1, 3, 12] {
        let (g, _) = #gradient(tapeGeneric, at: x, n)
        assertMatchesFiniteDifference(g, { tapeGeneric($0, n) }, at: x, "x = \(x), n = \(n)")
      }
      // Forward over reverse: the rule runs on Dual numbers.
      let h1 = #hessian(tapeGenericDepth1, at: x)
      assertClose(h1, centralDifference({ t in #gradient(tapeGeneric, at: t, 1).0 }, at: x), tolerance: 1e-6, "hessian n = 1")
      // sin(x)·x + x: the second derivative is 2cos(x) - x·sin(x).
      assertClose(h1, 2 * cos(x) - x * sin(x), tolerance: 1e-12, "hessian n = 1, closed form")
      let h12 = #hessian(tapeGenericDepth12, at: x)
      assertClose(h12, centralDifference({ t in #gradient(tapeGeneric, at: t, 12).0 }, at: x), tolerance: 1e-6, "hessian n = 12")
    }
    let (g32, _) = #gradient(tapeGeneric, at: Float(0.4), 3)
    XCTAssertEqual(Double(g32), #gradient(tapeGeneric, at: 0.4, 3).0, accuracy: 1e-5)
  }

  func testTwoDifferentiatedParameters() {
    for (x, y) in [(0.3, 1.2), (-0.8, 0.5)] {
      for n in [0, 1, 2, 5, 40] {
        let (gx, gy, _) = #gradient(tapeTwo, at: x, y, n)
        assertMatchesFiniteDifference(gx, { tapeTwo($0, y, n) }, at: x, "x, n = \(n)")
        assertMatchesFiniteDifference(gy, { tapeTwo(x, $0, n) }, at: y, "y, n = \(n)")
      }
    }
  }

  func testLabelsAndNestedRecursiveArguments() {
    for x in [0.3, 1.4] {
      for n in [0, 1, 2, 6] {
        let (g, _, _) = #gradient(tapeLabelled, at: x, n, 3)
        assertMatchesFiniteDifference(g, { tapeLabelled(x: $0, steps: n, scale: 3) }, at: x, "x = \(x), n = \(n)")
      }
    }
  }

  /// Each pullback reads the records it was made with: pullbacks of two calls, run in either
  /// order and more than once, give the same gradients.
  func testPullbacksAreIndependentAndRepeatable() {
    let first = _vjp(tapeSine: 0.7, 50)
    let second = _vjp(tapeSine: -0.2, 30)
    let b = second.pullback(1).0
    let a = first.pullback(1).0
    XCTAssertEqual(first.pullback(1).0, a)
    XCTAssertEqual(first.pullback(2).0, 2 * a)
    assertClose(a, sineDerivative(0.7, 50), tolerance: 1e-12)
    assertClose(b, sineDerivative(-0.2, 30), tolerance: 1e-12)
    XCTAssertEqual(first.value, tapeSine(0.7, 50))
  }
}
