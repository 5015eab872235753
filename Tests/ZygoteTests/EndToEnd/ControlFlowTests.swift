import XCTest
import Zygote
#if canImport(Glibc)
import Glibc
#endif

@Differentiable
func issueExample(_ x: Double, _ y: Double) -> Double {
  var s = x
  for i in 0..<10 {
    if i % 2 == 0 { s = sin(s) * y } else { s += x / (1 + y * y) }
  }
  return s
}

/// The same function without the macro, for finite differences with a known-good forward.
func issueExamplePlain(_ x: Double, _ y: Double) -> Double {
  var s = x
  for i in 0..<10 {
    if i % 2 == 0 { s = sin(s) * y } else { s += x / (1 + y * y) }
  }
  return s
}

@Differentiable
func piecewise(_ x: Double) -> Double {
  var y = x
  if x > 0 {
    y = y * y
  } else if x > -1 {
    y = -y
  } else {
    y = sin(y)
  }
  return y * 2
}

@Differentiable
func earlyReturn(_ x: Double) -> Double {
  if x < 0 {
    return -x
  }
  let y = x * x
  return y + 1
}

@Differentiable
func guarded(_ x: Double, _ n: Int) -> Double {
  guard n > 0 else { return x }
  return x * Double(n)
}

@Differentiable
func leaky(_ x: Double) -> Double { x > 0 ? x : 0.01 * x }

@Differentiable
func picked(_ x: Double, _ k: Int) -> Double {
  var y = x
  switch k {
  case 0:
    y = sin(y)
  case 1, 2:
    y = y * 3
  default:
    break
  }
  return y
}

@Differentiable
func power(_ x: Double, _ n: Int) -> Double {
  var s = 1.0
  for _ in 0..<n {
    s *= x
  }
  return s
}

@Differentiable
func halving(_ x: Double) -> Double {
  var s = x
  var steps = 0
  while steps < 5 {
    s = s / 2 + x
    steps += 1
  }
  return s
}

@Differentiable
func iterated(_ x: Double) -> Double {
  var s = x
  var k = 0
  repeat {
    s = cos(s) * x
    k += 1
  } while k < 3
  return s
}

@Differentiable
func partialSum(_ x: Double) -> Double {
  var s = 0.0
  outer: for i in stride(from: 0, to: 20, by: 2) {
    if i == 4 { continue }
    s += x * Double(i)
    if s > 100 { break outer }
  }
  return s
}

@Differentiable
func nestedLoops(_ x: Double) -> Double {
  var s = x
  for i in 0..<3 {
    for j in 0..<i {
      s = s * x + Double(j)
    }
  }
  return s
}

@Differentiable
func recursivePower(_ x: Double, _ n: Int) -> Double { n == 0 ? 1 : x * recursivePower(x, n - 1) }

@Differentiable
func recursiveSine(_ x: Double, _ n: Int) -> Double { n == 0 ? x : sin(recursiveSine(x, n - 1)) + x }

@Differentiable
func isEven(_ x: Double, _ n: Int) -> Double { n == 0 ? x : isOdd(x * 1.5, n - 1) }

@Differentiable
func isOdd(_ x: Double, _ n: Int) -> Double { n == 0 ? x * x : isEven(x + 1, n - 1) }

@Differentiable
func longLoop(_ x: Double) -> Double {
  var s = 0.0
  for i in 0..<1_000_000 {
    s += x * Double(i % 3)
  }
  return s
}

@Differentiable
func branchInsideWhile(_ x: Double) -> Double {
  var s = x
  var i = 0
  while i < 7 {
    if s > 1 {
      s = s / 3
    } else {
      s = s * s + x
    }
    i += 1
  }
  return s
}

final class ControlFlowTests: XCTestCase {
  func testIssueExample() {
    let (dx, dy) = #gradient(issueExample, at: 0.5, 2.0)
    XCTAssertEqual(issueExample(0.5, 2.0), issueExamplePlain(0.5, 2.0))
    assertMatchesFiniteDifference(dx, { issueExamplePlain($0, 2.0) }, at: 0.5)
    assertMatchesFiniteDifference(dy, { issueExamplePlain(0.5, $0) }, at: 2.0)
  }

  func testIfElseIfElse() {
    assertClose(#gradient(piecewise, at: 1.5), 6)
    assertClose(#gradient(piecewise, at: -0.5), -2)
    assertClose(#gradient(piecewise, at: -2.0), 2 * cos(-2.0))
  }

  func testEarlyReturnAndGuard() {
    XCTAssertEqual(#gradient(earlyReturn, at: -3.0), -1)
    XCTAssertEqual(#gradient(earlyReturn, at: 3.0), 6)
    let (g0, _) = #gradient(guarded, at: 2.0, 0)
    let (g4, _) = #gradient(guarded, at: 2.0, 4)
    XCTAssertEqual(g0, 1)
    XCTAssertEqual(g4, 4)
  }

  func testTernary() {
    XCTAssertEqual(#gradient(leaky, at: 2.0), 1)
    XCTAssertEqual(#gradient(leaky, at: -2.0), 0.01)
  }

  func testSwitchOnInactiveValue() {
    let (g0, _) = #gradient(picked, at: 0.5, 0)
    let (g1, _) = #gradient(picked, at: 0.5, 2)
    let (g9, _) = #gradient(picked, at: 0.5, 9)
    assertClose(g0, cos(0.5))
    XCTAssertEqual(g1, 3)
    XCTAssertEqual(g9, 1)
  }

  func testForLoopPower() {
    for n in 0..<6 {
      let (g, _) = #gradient(power, at: 1.7, n)
      assertClose(g, n == 0 ? 0 : Double(n) * pow(1.7, Double(n - 1)), tolerance: 1e-12, "n = \(n)")
    }
  }

  func testWhileAndRepeatWhile() {
    // s_{k+1} = s_k / 2 + x five times from s_0 = x: ds/dx = 1/32 + (1 + 1/2 + 1/4 + 1/8 + 1/16)
    assertClose(#gradient(halving, at: 3.0), 1.0 / 32 + 31.0 / 16)
    assertMatchesFiniteDifference(#gradient(iterated, at: 0.8), iterated, at: 0.8)
    assertMatchesFiniteDifference(#gradient(branchInsideWhile, at: 0.6), branchInsideWhile, at: 0.6)
    assertMatchesFiniteDifference(#gradient(branchInsideWhile, at: 5.0), branchInsideWhile, at: 5.0)
  }

  func testBreakAndContinue() {
    // i = 0, 2, 6, 8, ... (4 skipped); s = x * (0 + 2 + 6 + 8 + ...) until s > 100.
    assertMatchesFiniteDifference(#gradient(partialSum, at: 1.0), partialSum, at: 1.0)
    assertMatchesFiniteDifference(#gradient(partialSum, at: 3.0), partialSum, at: 3.0)
    XCTAssertEqual(#gradient(partialSum, at: 0.001), 2 + 6 + 8 + 10 + 12 + 14 + 16 + 18)
  }

  func testNestedLoops() {
    for x in [0.5, 1.2] {
      assertMatchesFiniteDifference(#gradient(nestedLoops, at: x), nestedLoops, at: x)
    }
  }

  func testRecursion() {
    let (gp, _) = #gradient(recursivePower, at: 1.01, 100)
    assertClose(gp, 100 * pow(1.01, 99), tolerance: 1e-12)
    let (gq, _) = #gradient(recursiveSine, at: 0.7, 100)
    assertMatchesFiniteDifference(gq, { recursiveSine($0, 100) }, at: 0.7)
  }

  func testMutualRecursion() {
    for n in [0, 1, 2, 5] {
      let (g, _) = #gradient(isEven, at: 0.4, n)
      assertMatchesFiniteDifference(g, { isEven($0, n) }, at: 0.4, "n = \(n)")
    }
  }

  func testMillionIterationLoop() {
    XCTAssertEqual(#gradient(longLoop, at: 2.0), 999_999)
  }
}

extension ControlFlowTests {
  /// Every control-flow function against central finite differences over a sweep of points
  /// (points next to a branch's boundary are skipped: the derivative jumps there).
  func testSweepAgainstFiniteDifferences() {
    let functions: [(String, (Double) -> Double, (Double) -> Double, Set<Double>)] = [
      ("piecewise", piecewise, { #gradient(piecewise, at: $0) }, [0, -1]),
      ("earlyReturn", earlyReturn, { #gradient(earlyReturn, at: $0) }, [0]),
      ("leaky", leaky, { #gradient(leaky, at: $0) }, [0]),
      ("halving", halving, { #gradient(halving, at: $0) }, []),
      ("iterated", iterated, { #gradient(iterated, at: $0) }, []),
      ("nestedLoops", nestedLoops, { #gradient(nestedLoops, at: $0) }, []),
      ("branchInsideWhile", branchInsideWhile, { #gradient(branchInsideWhile, at: $0) }, []),
      ("power5", { power($0, 5) }, { #gradient({ x in power(x, 5) }, at: $0) }, []),
      ("recursiveSine20", { recursiveSine($0, 20) }, { #gradient({ x in recursiveSine(x, 20) }, at: $0) }, []),
    ]
    var checks = 0
    for (name, f, gradient, kinks) in functions {
      for x in stride(from: -1.93, through: 2.0, by: 0.37) where !kinks.contains(where: { abs($0 - x) < 0.05 }) {
        // branchInsideWhile switches branch where s crosses 1; skip points whose finite
        // difference straddles a switch (detected by one-sided differences disagreeing).
        let h = 1e-6
        let left = (f(x) - f(x - h)) / h
        let right = (f(x + h) - f(x)) / h
        if abs(left - right) > 1e-3 * max(1, abs(left)) { continue }
        assertMatchesFiniteDifference(gradient(x), f, at: x, "\(name) at \(x)")
        checks += 1
      }
    }
    XCTAssertGreaterThan(checks, 80)
  }
}

@Differentiable
func firstAbove(_ x: Double, _ limit: Double) -> Double {
  var s = x
  for i in 0..<20 {
    s = s * 1.5 + Double(i) * 0.1
    if s > limit { return s * x }
  }
  return s
}

@Differentiable
func searchWhile(_ x: Double) -> Double {
  var s = x
  var k = 0
  while k < 50 {
    s = sin(s) + x
    if s > 1.2 {
      return s * s
    }
    k += 1
  }
  return -s
}

extension ControlFlowTests {
  func testReturnInsideLoops() {
    for (x, limit) in [(0.5, 3.0), (0.2, 100.0), (1.0, 1e9), (2.0, 1.0)] {
      let (gx, gl) = #gradient(firstAbove, at: x, limit)
      assertMatchesFiniteDifference(gx, { firstAbove($0, limit) }, at: x, "x = \(x), limit = \(limit)")
      XCTAssertEqual(gl, 0)
    }
    for x in [0.1, 0.4, 0.9, 1.3] {
      assertMatchesFiniteDifference(#gradient(searchWhile, at: x), searchWhile, at: x, "x = \(x)")
    }
  }
}
