import XCTest
import Zygote
#if canImport(Glibc)
import Glibc
#endif

@Differentiable
func weightedScore(_ weights: [String: Double]) -> Double {
  weights["a"]! * 2 + (weights["b"] ?? 0) * weights["a"]! + weights["missing", default: 1.5]
}

@Differentiable
func dictionaryLoop(_ d: [String: Double], _ x: Double) -> Double {
  var total = 0.0
  for (key, value) in d {
    total += key == "skip" ? 0 : value * value * x
  }
  return total
}

@Differentiable
func dictionaryWrites(_ x: Double) -> Double {
  var table: [Int: Double] = [1: x, 2: x * x]
  table[3] = table[1]! * table[2]!
  table[1] = 10
  var s = 0.0
  for v in table.values { s += v }
  return s
}

@Differentiable
func dictionaryLiteralOfActiveValues(_ x: Double, _ y: Double) -> Double {
  let d = ["x": x, "y": y, "xy": x * y]
  return d["x"]! + 3 * d["xy"]!
}

final class DictionaryTests: XCTestCase {
  func testGradientHoldsTheKeysThatWereRead() {
    let g = #gradient(weightedScore, at: ["a": 3.0, "b": 4.0, "unused": 7.0])
    XCTAssertEqual(Set(g.keys), ["a", "b"], "keys read: a and b (not 'unused'; 'missing' is absent)")
    assertClose(g["a"]!, 2 + 4)
    assertClose(g["b"]!, 3)
  }

  func testDefaultValueOfAnAbsentKeyReceivesTheGradient() {
    let g = #gradient({ (x: Double) -> Double in
      let d = ["p": 2.0]
      return d["q", default: x] * x + d["p", default: x]
    }, at: 1.25)
    assertClose(g, 2 * 1.25)
  }

  func testIterationOverKeyValuePairs() {
    let d = ["a": 1.5, "b": -2.0, "skip": 9.0]
    let (gd, gx) = #gradient(dictionaryLoop, at: d, 0.5)
    assertClose(gd["a"]!, 2 * 1.5 * 0.5)
    assertClose(gd["b"]!, 2 * -2.0 * 0.5)
    XCTAssertEqual(gd["skip"] ?? 0, 0)
    assertClose(gx, 1.5 * 1.5 + 4)
  }

  func testWritesAndOverwrites() {
    // table = [1: 10, 2: x^2, 3: x^3]; s = 10 + x^2 + x^3
    for x in [-1.1, 0.6, 2.0] {
      let g = #gradient(dictionaryWrites, at: x)
      assertClose(g, 2 * x + 3 * x * x)
      assertMatchesFiniteDifference(g, { dictionaryWrites($0) }, at: x)
    }
  }

  func testDictionaryLiteral() {
    let (dx, dy) = #gradient(dictionaryLiteralOfActiveValues, at: 2.0, 5.0)
    assertClose(dx, 1 + 3 * 5)
    assertClose(dy, 3 * 2)
  }
}
