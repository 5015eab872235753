import XCTest
import Zygote
#if canImport(Glibc)
import Glibc
#endif

@Differentiable
func polar(_ r: Double, _ theta: Double) -> (x: Double, y: Double) {
  (x: r * cos(theta), y: r * sin(theta))
}

@Differentiable
func polarDistance(_ r: Double, _ theta: Double) -> Double {
  let (x, y) = polar(r, theta)
  return x * x + 3 * y
}

@Differentiable
func tupleLiteralLabels(_ a: Double, _ b: Double) -> Double {
  let t = (first: a * b, second: a + b)
  return t.first * t.second + t.0
}

@Differentiable
func tupleArgument(_ p: (a: Double, b: Double)) -> Double {
  p.a * p.a * p.b + sin(p.1)
}

@Differentiable
func nestedDestructuring(_ x: Double) -> Double {
  let (a, (b, _)) = (x * 2, (x * x, x * 100))
  var (c, d) = (a, b)
  c += d
  d = c * a
  return c + d
}

@Differentiable
func swapLike(_ x: Double, _ y: Double) -> Double {
  let pair = (x, y)
  let (u, v) = (pair.1, pair.0)
  return u * 10 + v
}

final class TupleTests: XCTestCase {
  func testDestructuringAFunctionsTupleResult() {
    // x = r cos t, y = r sin t; f = x^2 + 3y = r^2 cos^2 t + 3 r sin t
    let (r, t) = (1.5, 0.7)
    let (dr, dt) = #gradient(polarDistance, at: r, t)
    assertClose(dr, 2 * r * cos(t) * cos(t) + 3 * sin(t))
    assertClose(dt, -2 * r * r * cos(t) * sin(t) + 3 * r * cos(t))
  }

  func testPullbackOfATupleResultTakesATupleSeed() {
    let (value, back) = #pullback(polar, at: 2.0, 0.3)
    assertClose(value.0, 2 * cos(0.3))
    assertClose(value.1, 2 * sin(0.3))
    let (dr, dt) = back((x: 1, y: 0))
    assertClose(dr, cos(0.3))
    assertClose(dt, -2 * sin(0.3))
    let (dr2, dt2) = back((x: 0.5, y: 2))
    assertClose(dr2, 0.5 * cos(0.3) + 2 * sin(0.3))
    assertClose(dt2, -0.5 * 2 * sin(0.3) + 2 * 2 * cos(0.3))
  }

  func testLabelledTupleLiteralReadByLabelAndPosition() {
    // f = (ab)(a+b) + ab
    let (a, b) = (1.2, -0.4)
    let (da, db) = #gradient(tupleLiteralLabels, at: a, b)
    assertClose(da, b * (a + b) + a * b + b)
    assertClose(db, a * (a + b) + a * b + a)
  }

  func testTupleArgumentHasATupleGradient() {
    let g = #gradient(tupleArgument, at: (a: 0.8, b: 1.7))
    assertClose(g.0, 2 * 0.8 * 1.7)
    assertClose(g.1, 0.8 * 0.8 + cos(1.7))
  }

  func testNestedDestructuringWithADiscardedElement() {
    // a = 2x, b = x^2, c = a + b, d = c a; f = c + d = (2x + x^2)(1 + 2x)
    for x in [-1.3, 0.2, 2.5] {
      let g = #gradient(nestedDestructuring, at: x)
      assertClose(g, (2 + 2 * x) * (1 + 2 * x) + 2 * (2 * x + x * x))
      assertMatchesFiniteDifference(g, { nestedDestructuring($0) }, at: x)
    }
  }

  func testTupleElementsByPosition() {
    let (dx, dy) = #gradient(swapLike, at: 3.0, 4.0)
    assertClose(dx, 1)
    assertClose(dy, 10)
  }

  func testClosureWithTupleResultDestructured() {
    let g = #gradient({ (x: Double) -> Double in
      let (s, c) = (sin(x), cos(x))
      return s * c
    }, at: 0.4)
    assertClose(g, cos(0.8))
  }
}
