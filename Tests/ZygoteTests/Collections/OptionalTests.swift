import XCTest
import Zygote
#if canImport(Glibc)
import Glibc
#endif

@Differentiable
func unwrapOrFallback(_ x: Double, _ useX: Bool) -> Double {
  let o: Double? = useX ? x * x : nil
  return (o ?? 3 * x) + 1
}

@Differentiable
func ifLetScale(_ x: Double, _ present: Bool) -> Double {
  let o: Double? = present ? sin(x) : nil
  if let s = o, s > -2 {
    return s * x
  } else {
    return x
  }
}

@Differentiable
func guardLetShadowing(_ x: Double, _ present: Bool) -> Double {
  let o: Double? = present ? exp(x) : nil
  guard let o else { return 2 * x }
  return o * o
}

@Differentiable
func forceUnwrapped(_ x: Double) -> Double {
  let o: Double? = x * 3
  return o! * x
}

@Differentiable
func optionalChains(_ x: Double?, _ p: Point?) -> Double {
  let root = x?.squareRoot()
  return (root ?? 0) * 3 + (p?.x ?? 1) * (p?.y ?? 2) + (x?.squareRoot().squareRoot() ?? 0)
}

final class OptionalTests: XCTestCase {
  func testOptionalChaining() {
    let (gx, gp) = #gradient(optionalChains, at: Optional(4.0), Optional(Point(x: 2, y: 5)))
    // 3 sqrt(x) + p.x p.y + x^(1/4)
    assertClose(gx!, 3 / (2 * 2.0) + 0.25 * pow(4.0, -0.75))
    assertClose(gp!.x, 5)
    assertClose(gp!.y, 2)
    let (noX, noP) = #gradient(optionalChains, at: nil, nil)
    XCTAssertNil(noX)
    XCTAssertNil(noP)
    let (_, onlyP) = #gradient(optionalChains, at: nil, Optional(Point(x: 2, y: 5)))
    assertClose(onlyP!.x, 5)
  }

  func testNilCoalescingTakesTheGradientOfTheBranchThatGaveTheValue() {
    for x in [-0.7, 1.3] {
      assertClose(#gradient({ x in unwrapOrFallback(x, true) }, at: x), 2 * x)
      assertClose(#gradient({ x in unwrapOrFallback(x, false) }, at: x), 3)
    }
  }

  func testIfLetWithAFollowingCondition() {
    for x in [-0.4, 0.9, 2.0] {
      let g = #gradient({ x in ifLetScale(x, true) }, at: x)
      assertClose(g, sin(x) + x * cos(x))
      assertMatchesFiniteDifference(g, { ifLetScale($0, true) }, at: x)
      assertClose(#gradient({ x in ifLetScale(x, false) }, at: x), 1)
    }
  }

  func testGuardLetThatShadowsTheOptional() {
    for x in [-1.0, 0.5] {
      assertClose(#gradient({ x in guardLetShadowing(x, true) }, at: x), 2 * exp(2 * x))
      assertClose(#gradient({ x in guardLetShadowing(x, false) }, at: x), 2)
    }
  }

  func testForceUnwrap() {
    assertClose(#gradient(forceUnwrapped, at: 1.5), 6 * 1.5)
  }

  func testOptionalArgumentHasAnOptionalGradient() {
    let g = #gradient({ (o: Double?) -> Double in
      if let v = o { return v * v * v }
      return 0
    }, at: Optional(2.0))
    XCTAssertEqual(g, 12)
    let none = #gradient({ (o: Double?) -> Double in
      if let v = o { return v * v * v }
      return 0
    }, at: nil)
    XCTAssertNil(none, "a nil argument has a nil (zero) gradient")
  }
}
