import XCTest

/// A seeded direction of the same count as `x`, entries in [-1, 1).
func seededDirection(count: Int, seed: UInt64) -> [Double] {
  var state = seed
  return (0..<count).map { _ -> Double in
    state = state &* 6364136223846793005 &+ 1442695040888963407
    return Double(state >> 11) / Double(1 << 53) * 2 - 1
  }
}

/// The dot-product test: the gradient's dot product with a seeded random direction `v` must match
/// the central difference `(f(x + h v) - f(x - h v)) / 2h` (relative tolerance `tolerance`).
func assertGradientAlongRandomDirection(
  _ gradient: [Double], _ f: ([Double]) -> Double, at x: [Double], seed: UInt64, tolerance: Double = 1e-6,
  file: StaticString = #filePath, line: UInt = #line
) {
  XCTAssertEqual(gradient.count, x.count, "the gradient of an array has the array's count", file: file, line: line)
  let v = seededDirection(count: x.count, seed: seed)
  let h = 1e-6
  let plus = zip(x, v).map { $0 + h * $1 }
  let minus = zip(x, v).map { $0 - h * $1 }
  let expected = (f(plus) - f(minus)) / (2 * h)
  let actual = zip(gradient, v).reduce(0) { $0 + $1.0 * $1.1 }
  assertClose(actual, expected, tolerance: tolerance, "directional derivative", file: file, line: line)
}
