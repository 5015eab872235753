import XCTest
import Zygote
#if canImport(Glibc)
import Glibc
#endif

@Differentiable
func sumOfSquares(_ xs: [Double]) -> Double {
  var s = 0.0
  for i in 0..<xs.count { s += xs[i] * xs[i] }
  return s
}

@Differentiable
func rosenbrock(_ xs: [Double]) -> Double {
  var s = 0.0
  for i in 0..<(xs.count - 1) {
    let a = xs[i + 1] - xs[i] * xs[i]
    let b = 1 - xs[i]
    s += 100 * a * a + b * b
  }
  return s
}

/// Explicit Euler for a damped oscillator, writing the state array in place every step.
@Differentiable
func eulerEnergy(_ state: [Double], _ k: Double) -> Double {
  var x = state
  for _ in 0..<50 {
    x[0] = x[0] + 0.05 * x[1]
    x[1] -= 0.05 * (k * x[0] + 0.1 * x[1])
  }
  return x[0] * x[0] + x[1] * x[1]
}

/// A running maximum and a prefix-sum buffer: reads of elements written earlier in the loop.
@Differentiable
func prefixSums(_ xs: [Double]) -> Double {
  var partial = [Double](repeating: 0, count: xs.count)
  partial[0] = xs[0]
  for i in 1..<xs.count {
    partial[i] = partial[i - 1] + xs[i] * Double(i)
  }
  var best = partial[0]
  for i in 0..<partial.count {
    if partial[i] > best { best = partial[i] }
  }
  return best + partial[partial.count - 1]
}

final class ArrayTests: XCTestCase {
  /// Directional finite difference: (f(x + h v) - f(x - h v)) / 2h against the dot product of the
  /// gradient with v (the dot-product test along a seeded random direction).
  func assertDirectionalDerivative(
    _ gradient: [Double], _ f: ([Double]) -> Double, at x: [Double], seed: UInt64, tolerance: Double = 1e-6,
    file: StaticString = #filePath, line: UInt = #line
  ) {
    var state = seed
    let v = x.map { _ -> Double in
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return Double(state >> 11) / Double(1 << 53) * 2 - 1
    }
    let h = 1e-6
    let plus = zip(x, v).map { $0 + h * $1 }
    let minus = zip(x, v).map { $0 - h * $1 }
    let numeric = (f(plus) - f(minus)) / (2 * h)
    let analytic = zip(gradient, v).reduce(0) { $0 + $1.0 * $1.1 }
    XCTAssertEqual(gradient.count, x.count, file: file, line: line)
    XCTAssertEqual(analytic, numeric, accuracy: tolerance * max(1, abs(numeric)), file: file, line: line)
  }

  func testGradientOfAnArrayIsAnArrayOfTheSameCount() {
    let g = #gradient(sumOfSquares, at: [1.0, -2.0, 0.5])
    XCTAssertEqual(g, [2, -4, 1])
  }

  func testRosenbrockClosedForm() {
    let x = [0.3, -0.7, 1.2, 0.9]
    let g = #gradient(rosenbrock, at: x)
    var expected = [Double](repeating: 0, count: x.count)
    for i in 0..<(x.count - 1) {
      let a = x[i + 1] - x[i] * x[i]
      expected[i] += -400 * a * x[i] - 2 * (1 - x[i])
      expected[i + 1] += 200 * a
    }
    for i in 0..<x.count { XCTAssertEqual(g[i], expected[i], accuracy: 1e-9) }
    assertDirectionalDerivative(g, rosenbrock, at: x, seed: 7)
  }

  func testArrayMutationInsideALoopExplicitEuler() {
    for (state, k) in [([1.0, 0.0], 2.0), ([0.3, -0.4], 0.5)] {
      let (gs, gk) = #gradient(eulerEnergy, at: state, k)
      assertDirectionalDerivative(gs, { eulerEnergy($0, k) }, at: state, seed: 11)
      let h = 1e-6
      XCTAssertEqual(gk, (eulerEnergy(state, k + h) - eulerEnergy(state, k - h)) / (2 * h), accuracy: 1e-6)
    }
  }

  func testReadsOfElementsWrittenEarlier() {
    for seed in [1, 2, 3] as [UInt64] {
      var state = seed
      let x = (0..<6).map { _ -> Double in
        state = state &* 2862933555777941757 &+ 3037000493
        return Double(state >> 11) / Double(1 << 53) - 0.5
      }
      assertDirectionalDerivative(#gradient(prefixSums, at: x), prefixSums, at: x, seed: seed)
    }
  }
}

@Differentiable
func weightedByElement(_ xs: [Double], _ w: Double) -> Double {
  var s = 0.0
  for x in xs where x > -10 {
    s += sin(x) * w
  }
  for (i, x) in xs.enumerated() {
    s += x * Double(i)
  }
  return s
}

@Differentiable
func appended(_ xs: [Double], _ c: Double) -> Double {
  var ys: [Double] = []
  for i in 0..<xs.count {
    ys.append(xs[i] * c)
  }
  ys.append(c * c)
  var s = 0.0
  for i in 0..<ys.count { s += ys[i] * ys[i] }
  return s
}

extension ArrayTests {
  func testIteratingOverElementsAndEnumerated() {
    let x = [0.2, -0.5, 1.3]
    let (g, gw) = #gradient(weightedByElement, at: x, 2.0)
    for i in 0..<x.count { XCTAssertEqual(g[i], cos(x[i]) * 2 + Double(i), accuracy: 1e-12) }
    XCTAssertEqual(gw, x.map(sin).reduce(0, +), accuracy: 1e-12)
  }

  func testAppendGivesEachElementItsGradient() {
    // s = c² Σ xs[i]² + c⁴
    let x = [1.0, 2.0, -1.0]
    let (g, gc) = #gradient(appended, at: x, 3.0)
    XCTAssertEqual(g, x.map { 2 * 9 * $0 })
    XCTAssertEqual(gc, 2 * 3 * 6 + 4 * 27, accuracy: 1e-12)
  }
}
