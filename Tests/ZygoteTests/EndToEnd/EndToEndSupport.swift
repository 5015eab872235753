import XCTest

/// Central finite difference of a scalar function, with the step scaled to |x|.
func centralDifference(_ f: (Double) -> Double, at x: Double) -> Double {
  let h = 1e-6 * max(1, abs(x))
  return (f(x + h) - f(x - h)) / (2 * h)
}

/// Asserts that `actual` matches `expected` to a relative tolerance (absolute near zero).
func assertClose(
  _ actual: Double, _ expected: Double, tolerance: Double = 1e-6, _ message: String = "",
  file: StaticString = #filePath, line: UInt = #line
) {
  let error = abs(actual - expected) / max(1, abs(expected))
  XCTAssert(
    error <= tolerance && actual.isFinite == expected.isFinite,
    "\(message) got \(actual), expected \(expected), relative error \(error) > \(tolerance)", file: file, line: line)
}

/// Asserts that a gradient matches the central difference of `f` at `x` (tolerance 1e-6 relative).
func assertMatchesFiniteDifference(
  _ gradient: Double, _ f: (Double) -> Double, at x: Double, _ message: String = "",
  file: StaticString = #filePath, line: UInt = #line
) {
  assertClose(gradient, centralDifference(f, at: x), tolerance: 1e-6, message, file: file, line: line)
}
