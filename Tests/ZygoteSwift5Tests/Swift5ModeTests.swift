import XCTest
import Zygote
#if canImport(Glibc)
import Glibc
#endif

// The same kinds of user code as the Swift 6 end-to-end tests, compiled in Swift 5 language
// mode: generated code must type-check (without warnings) in both modes.

@Differentiable
func swift5Affine(_ x: Double) -> Double { 5 * x + 3 }

@Differentiable
func swift5Loop(_ x: Double, _ y: Double) -> Double {
  var s = x
  for i in 0..<10 {
    if i % 2 == 0 { s = sin(s) * y } else { s += x / (1 + y * y) }
  }
  return s
}

@Differentiable
func swift5Branches(_ x: Double, _ k: Int) -> Double {
  guard k >= 0 else { return -x }
  var y = x
  switch k {
  case 0: y = exp(y)
  default: y = y * Double(k)
  }
  var n = 0
  while n < 3 {
    y = y > 10 ? y / 2 : y + x
    n += 1
  }
  return y
}

@Differentiable
func swift5Recursive(_ x: Double, _ n: Int) -> Double { n == 0 ? x : sin(swift5Recursive(x, n - 1)) + x }

/// Two recursive calls per level and a guard: its rule records each level on a tape.
@Differentiable
func swift5TwoCallRecursion(_ x: Double, _ n: Int) -> Double {
  guard n > 1 else { return n == 0 ? x : x * x }
  return swift5TwoCallRecursion(x, n - 1) * x + sin(swift5TwoCallRecursion(x, n - 2))
}

@Differentiable
func swift5Array(_ xs: [Double]) -> Double {
  var s = 0.0
  for i in 0..<xs.count { s += xs[i] * xs[i] }
  return s
}

@Differentiable
func swift5Generic<T: BinaryFloatingPoint>(_ x: T) -> T { x * x * x }

func swift5Add(_ a: Double, _ b: Double) -> Double { a + b }

@Adjoint(of: swift5Add)
func swift5AddAdjoint(_ a: Double, _ b: Double) -> (value: Double, pullback: (Double) -> (Double, Double)) {
  (swift5Add(a, b), { d in (d, 2 * d) })
}

final class Swift5ModeTests: XCTestCase {
  func central(_ f: (Double) -> Double, _ x: Double) -> Double {
    let h = 1e-6 * max(1, abs(x))
    return (f(x + h) - f(x - h)) / (2 * h)
  }

  func testScalarAndLoop() {
    XCTAssertEqual(#derivative(swift5Affine, at: 10.0), 5)
    let (dx, dy) = #gradient(swift5Loop, at: 0.5, 2.0)
    XCTAssertEqual(dx, central({ swift5Loop($0, 2.0) }, 0.5), accuracy: 1e-6)
    XCTAssertEqual(dy, central({ swift5Loop(0.5, $0) }, 2.0), accuracy: 1e-6)
  }

  func testBranchesGuardSwitchWhileTernary() {
    for (x, k) in [(0.5, 0), (1.5, 3), (2.0, -1), (4.0, 2)] {
      let (g, _) = #gradient(swift5Branches, at: x, k)
      XCTAssertEqual(g, central({ swift5Branches($0, k) }, x), accuracy: 1e-5, "x = \(x), k = \(k)")
    }
  }

  func testRecursionArraysGenericsAndCustomAdjoints() {
    let (g, _) = #gradient(swift5Recursive, at: 0.3, 20)
    XCTAssertEqual(g, central({ swift5Recursive($0, 20) }, 0.3), accuracy: 1e-6)
    for n in [0, 1, 2, 9] {
      let (g2, _) = #gradient(swift5TwoCallRecursion, at: 0.7, n)
      XCTAssertEqual(g2, central({ swift5TwoCallRecursion($0, n) }, 0.7), accuracy: 1e-6 * max(1, abs(g2)))
    }
    XCTAssertEqual(#gradient(swift5Array, at: [1.0, -2.0, 3.0]), [2, -4, 6])
    XCTAssertEqual(#gradient(swift5Generic, at: Float(2)), 12)
    XCTAssertEqual(#gradient(swift5Generic, at: 2.0), 12)
    let (ga, gb) = #gradient({ (a: Double, b: Double) in swift5Add(a, b) }, at: 1.0, 1.0)
    XCTAssertEqual(ga, 1)
    XCTAssertEqual(gb, 2, "the custom rule is the one used")
  }

  func testClosures() {
    XCTAssertEqual(#gradient({ x in x * x }, at: 3.0), 6)
    XCTAssertEqual(#gradient({ $0 * $0 * $0 }, at: 2.0), 12)
    let (v, back) = #pullback({ x in sin(x) }, at: 0.0)
    XCTAssertEqual(v, 0)
    XCTAssertEqual(back(2), 2)
  }
}
