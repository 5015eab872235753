import XCTest
import Zygote
#if canImport(Glibc)
import Glibc
#endif

// Functions at file scope, as users write them; each test differentiates them through the real
// macro and compares with closed forms and central finite differences.

@Differentiable
func affine(_ x: Double) -> Double { 5 * x + 3 }

@Differentiable
func w1(_ x: Double, _ y: Double) -> Double {
  sin(x) * y + exp(x * y) / (1 + x * x) + log(1 + y * y)
}

@Differentiable
func reassigned(_ x: Double) -> Double {
  var s = x
  s = s * s
  s += x
  s *= 2
  let t = s - x
  return t / s
}

@Differentiable
func usedTwice(_ x: Double) -> Double {
  let y = sin(x)
  return y * y + y
}

@Differentiable
func ignoresSecond(_ x: Double, _ y: Double) -> Double {
  let unused = y * 2
  _ = unused
  return x * 3
}

@Differentiable
func scaledByInt(_ x: Double, _ n: Int) -> Double {
  let k = Double(n) * 0.5
  let label = "n = \(n)"
  precondition(!label.isEmpty)
  return x * k + dropgrad(x * x)
}

@Differentiable
func roots(_ x: Double) -> Double { x.squareRoot() + sqrt(x) }

@Differentiable
func allUnary(_ x: Double) -> Double {
  let a = exp(x) + exp2(x) + log(x) + log2(x) + log10(x) + log1p(x) + expm1(x)
  let b = sin(x) + cos(x) + tan(x) + asin(x / 4) + acos(x / 4) + atan(x)
  let c = sinh(x) + cosh(x) + tanh(x) + abs(x - 3) - (-x) + (+x)
  return a + b + c
}

@Differentiable
func binaryMath(_ x: Double, _ y: Double) -> Double {
  pow(x, y) + atan2(y, x) + hypot(x, y) + min(x, y) * 2 + max(x, y) * 3 - x / y
}

@Differentiable
func floatFunction(_ x: Float) -> Float { sin(x) * x + 1 }

@Differentiable
func mixedPrecision(_ x: Double) -> Double { Double(Float(x) * 2) + x }

@Differentiable
func callsOthers(_ x: Double) -> Double { affine(x) * usedTwice(x) + w1(x, 2) }

final class StraightLineTests: XCTestCase {
  func testSeedExampleDerivativeIsFive() {
    XCTAssertEqual(affine(10), 53)
    XCTAssertEqual(#derivative(affine, at: 10.0), 5)
    XCTAssertEqual(#gradient(affine, at: 10.0), 5)
    let (value, gradient) = #valueWithGradient(affine, at: 10.0)
    XCTAssertEqual(value, 53)
    XCTAssertEqual(gradient, 5)
    let (y, back) = #pullback(affine, at: 10.0)
    XCTAssertEqual(y, 53)
    XCTAssertEqual(back(1), 5)
    XCTAssertEqual(back(2), 10)
  }

  func testW1AgainstClosedForm() {
    for (x, y) in [(0.5, 2.0), (-1.0, 0.3), (1.5, -0.7)] {
      let (dx, dy) = #gradient(w1, at: x, y)
      let e = exp(x * y)
      let q = 1 + x * x
      assertClose(dx, cos(x) * y + (y * e * q - e * 2 * x) / (q * q))
      assertClose(dy, sin(x) + x * e / q + 2 * y / (1 + y * y))
      assertMatchesFiniteDifference(dx, { w1($0, y) }, at: x)
      assertMatchesFiniteDifference(dy, { w1(x, $0) }, at: y)
    }
  }

  func testReassignmentAndCompoundAssignment() {
    for x in [0.7, 1.3, -2.0, 3.5] {
      // s = 2(x² + x), t = s - x, result = t / s = 1 - x / s
      let s = 2 * (x * x + x)
      let ds = 2 * (2 * x + 1)
      assertClose(#gradient(reassigned, at: x), -(s - x * ds) / (s * s))
      assertMatchesFiniteDifference(#gradient(reassigned, at: x), reassigned, at: x)
    }
  }

  func testVariableUsedTwiceAccumulates() {
    for x in [0.1, 1.0, 2.5] {
      assertClose(#gradient(usedTwice, at: x), (2 * sin(x) + 1) * cos(x))
    }
  }

  func testUnusedAndConstantArguments() {
    let (dx, dy) = #gradient(ignoresSecond, at: 1.0, 5.0)
    XCTAssertEqual(dx, 3)
    XCTAssertEqual(dy, 0)
    let (gx, gn) = #gradient(scaledByInt, at: 2.0, 4)
    XCTAssertEqual(gx, 2, "dropgrad(x * x) contributes nothing")
    XCTAssertEqual(gn, NoTangent())
  }

  func testMethodCallsAndRoots() {
    for x in [0.25, 1.0, 9.0] {
      assertClose(#gradient(roots, at: x), 1 / sqrt(x))
    }
  }

  func testEveryUnaryRuleAgainstFiniteDifferences() {
    for x in [0.3, 0.9, 1.7, 2.2] {
      assertMatchesFiniteDifference(#gradient(allUnary, at: x), allUnary, at: x, "at \(x)")
    }
  }

  func testBinaryRules() {
    for (x, y) in [(1.5, 2.5), (2.0, 0.5), (0.7, 1.1)] {
      let (dx, dy) = #gradient(binaryMath, at: x, y)
      assertMatchesFiniteDifference(dx, { binaryMath($0, y) }, at: x)
      assertMatchesFiniteDifference(dy, { binaryMath(x, $0) }, at: y)
    }
  }

  func testFloatAndConversions() {
    let g = #gradient(floatFunction, at: Float(0.5))
    XCTAssertEqual(g, cos(0.5) * 0.5 + sin(0.5), accuracy: 1e-5)
    assertClose(#gradient(mixedPrecision, at: 1.25), 3, tolerance: 1e-6)
  }

  func testCallsBetweenDifferentiableFunctions() {
    for x in [0.2, 1.1, -0.6] {
      assertMatchesFiniteDifference(#gradient(callsOthers, at: x), callsOthers, at: x)
    }
  }

  func testClosureLiterals() {
    XCTAssertEqual(#gradient({ x in x * x }, at: 3.0), 6)
    let (gx, gy) = #gradient({ (x: Double, y: Double) in x * y }, at: 2.0, 3.0)
    XCTAssertEqual(gx, 3)
    XCTAssertEqual(gy, 2)
    assertClose(#gradient({ $0 * sin($0) }, at: 1.0), sin(1.0) + cos(1.0))
    let (v, g) = #valueWithGradient({ x in exp(2 * x) }, at: 0.0)
    XCTAssertEqual(v, 1)
    XCTAssertEqual(g, 2)
    let (y, back) = #pullback({ x in x * x * x }, at: 2.0)
    XCTAssertEqual(y, 8)
    XCTAssertEqual(back(1), 12)
  }
}
