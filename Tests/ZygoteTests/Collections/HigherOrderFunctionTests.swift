import XCTest
import Zygote
#if canImport(Glibc)
import Glibc
#endif

@Differentiable
func mapThenSum(_ xs: [Double], _ w: Double) -> Double {
  let ys = xs.map { x in sin(x) * w }
  return ys.reduce(0, +)
}

@Differentiable
func anonymousClosures(_ xs: [Double], _ w: Double) -> Double {
  xs.map { $0 * $0 * w }.reduce(1) { $0 * (1 + $1) }
}

@Differentiable
func filteredSquares(_ xs: [Double]) -> Double {
  let positive = xs.filter { $0 > 0 }
  var s = 0.0
  for p in positive { s += p * p }
  return s
}

@Differentiable
func zipDot(_ xs: [Double], _ ys: [Double]) -> Double {
  var s = 0.0
  for (a, b) in zip(xs, ys) { s += a * b * b }
  return s
}

@Differentiable
func reversedRecurrence(_ xs: [Double]) -> Double {
  var h = 0.0
  for x in xs.reversed() { h = tanh(h + x) * 0.9 + x }
  return h
}

@Differentiable
func sliceSum(_ xs: [Double]) -> Double {
  var s = 0.0
  for x in xs[1..<3] { s += x * x }
  for x in xs.dropFirst(2) { s += 2 * x }
  return s
}

@Differentiable
func localClosure(_ x: Double, _ w: Double) -> Double {
  let scaled = { (y: Double) in y * w + sin(y) }
  return scaled(x) * scaled(x * x)
}

@Differentiable
func zipMap(_ xs: [Double], _ ys: [Double]) -> Double {
  zip(xs, ys).map { a, b in a * exp(b) }.reduce(0, +)
}

@Differentiable
func multiStatementMap(_ xs: [Double], _ c: Double) -> Double {
  let zs = xs.map { (x: Double) -> Double in
    let t = x - c
    return t * t
  }
  return zs.reduce(0) { acc, z in acc + z } / Double(xs.count)
}

@Differentiable
func mapWithNamedFunction(_ xs: [Double]) -> Double {
  xs.map(tanh).reduce(0, +)
}

final class HigherOrderFunctionTests: XCTestCase {
  let xs = [0.3, -1.2, 2.1, 0.7, -0.4]

  func testMapThenReduceWithACapturedVariable() {
    let (g, gw) = #gradient(mapThenSum, at: xs, 1.7)
    for i in xs.indices { assertClose(g[i], cos(xs[i]) * 1.7) }
    assertClose(gw, xs.map(sin).reduce(0, +))
    assertGradientAlongRandomDirection(g, { mapThenSum($0, 1.7) }, at: xs, seed: 1)
  }

  func testAnonymousArgumentsAndAProductReduce() {
    let (g, gw) = #gradient(anonymousClosures, at: xs, 0.8)
    assertGradientAlongRandomDirection(g, { anonymousClosures($0, 0.8) }, at: xs, seed: 2)
    assertMatchesFiniteDifference(gw, { anonymousClosures(self.xs, $0) }, at: 0.8)
  }

  func testFilterKeepsTheGradientOfKeptElementsOnly() {
    let g = #gradient(filteredSquares, at: xs)
    XCTAssertEqual(g.count, xs.count)
    for i in xs.indices { assertClose(g[i], xs[i] > 0 ? 2 * xs[i] : 0) }
  }

  func testZipOfTwoDifferentiatedArraysOfDifferentCounts() {
    let ys = [1.0, 2.0, -0.5]
    let (gx, gy) = #gradient(zipDot, at: xs, ys)
    XCTAssertEqual(gx, [1, 4, 0.25, 0, 0])
    for i in ys.indices { assertClose(gy[i], 2 * xs[i] * ys[i]) }
  }

  func testReversedLoop() {
    let g = #gradient(reversedRecurrence, at: xs)
    assertGradientAlongRandomDirection(g, { reversedRecurrence($0) }, at: xs, seed: 3)
  }

  func testSlicesAndDropFirst() {
    let g = #gradient(sliceSum, at: xs)
    XCTAssertEqual(g, [0, 2 * xs[1], 2 * xs[2] + 2, 2, 2])
  }

  func testLocalClosureCalledTwice() {
    func f(_ x: Double, _ w: Double) -> Double { (x * w + sin(x)) * (x * x * w + sin(x * x)) }
    let (gx, gw) = #gradient(localClosure, at: 0.9, 1.3)
    assertMatchesFiniteDifference(gx, { f($0, 1.3) }, at: 0.9)
    assertMatchesFiniteDifference(gw, { f(0.9, $0) }, at: 1.3)
  }

  func testZipMap() {
    let ys = [0.5, -0.2, 1.0, 0.0, 0.3]
    let (gx, gy) = #gradient(zipMap, at: xs, ys)
    for i in xs.indices {
      assertClose(gx[i], exp(ys[i]))
      assertClose(gy[i], xs[i] * exp(ys[i]))
    }
  }

  func testMultiStatementClosureAndNamedReduceClosure() {
    let (g, gc) = #gradient(multiStatementMap, at: xs, 0.25)
    let n = Double(xs.count)
    for i in xs.indices { assertClose(g[i], 2 * (xs[i] - 0.25) / n) }
    assertClose(gc, xs.map { -2 * ($0 - 0.25) }.reduce(0, +) / n)
  }

  func testMapWithAFunctionName() {
    let g = #gradient(mapWithNamedFunction, at: xs)
    for i in xs.indices { assertClose(g[i], 1 - tanh(xs[i]) * tanh(xs[i])) }
  }

  func testMapInsideAGradientClosure() {
    let w = 2.0
    let g = #gradient({ (v: [Double]) -> Double in v.map { $0 * w }.reduce(0, +) }, at: xs)
    XCTAssertEqual(g, [Double](repeating: 2, count: xs.count))
  }
}

@Differentiable
func sliceValues(_ xs: [Double]) -> Double {
  let middle = xs[1..<4]
  var s = 0.0
  for i in middle.indices { s += middle[i] * Double(i) }
  let copy = Array(xs[2...])
  return s + copy[0] * copy[copy.count - 1]
}

final class SliceTests: XCTestCase {
  func testSlicesAsValuesKeepTheArraysIndices() {
    let xs = [0.5, -1.0, 2.0, 3.0, 0.25]
    // s = 1*x1 + 2*x2 + 3*x3; plus x2 * x4
    let g = #gradient(sliceValues, at: xs)
    XCTAssertEqual(g, [0, 1, 2 + xs[4], 3, xs[2]])
    assertGradientAlongRandomDirection(g, { sliceValues($0) }, at: xs, seed: 9)
  }
}
