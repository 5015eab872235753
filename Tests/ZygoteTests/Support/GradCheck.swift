// Numeric gradient checks for the rule tests: central finite differences with a step scaled to
// |x|, tolerances per floating-point type, and a seeded random number generator so that every
// run checks the same points.
//
// A rule is checked against the function it differentiates:
// - its value must equal the function's value exactly (the rule must compute the same thing);
// - its pullback of a seed `s` must equal `s · f'(x)`, with `f'(x)` estimated by central
//   differences. The seed is drawn at random and is never 1, so a pullback that ignores its
//   argument fails.

import XCTest

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// MARK: - Random points

/// SplitMix64 (Steele, Lea and Flood 2014): a small, fast, seedable generator. The same seed
/// gives the same sequence on every platform and run, so a failing point can be reproduced.
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64

  /// A generator whose sequence is fixed by `seed`.
  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number drawn uniformly from `range`, from the top 53 bits of the next output.
  mutating func uniform(in range: ClosedRange<Double>) -> Double {
    let unit = Double(next() >> 11) * 0x1p-53
    return range.lowerBound + (range.upperBound - range.lowerBound) * unit
  }

  /// A gradient seed: a magnitude in `[0.5, 2]` with a random sign, never exactly `±1`.
  mutating func seed() -> Double {
    let magnitude = uniform(in: 0.5...2)
    let nudged = abs(magnitude - 1) < 0.01 ? magnitude + 0.125 : magnitude
    return next() & 1 == 0 ? nudged : -nudged
  }
}

/// `count` points drawn from `range` by a generator seeded with `seed`, rounded to `T`.
///
/// Each rule test draws its points from the rule's domain (Zygote's `realdomainrange`: logarithms
/// and square roots at positive points only, `asin` and `acos` inside `(-1, 1)`), away from kinks
/// and singular points, where a finite difference says nothing. Those are tested with exact values.
func points<T: GradCheckScalar>(
  _ range: ClosedRange<Double>, count: Int = 8, seed: UInt64 = 0x5EED, as _: T.Type = T.self
) -> [T] {
  var rng = SplitMix64(seed: seed)
  return (0..<count).map { _ in T(rng.uniform(in: range)) }
}

/// `count` pairs: the first coordinate drawn from `first`, the second from `second`.
func pairs<T: GradCheckScalar>(
  _ first: ClosedRange<Double>, _ second: ClosedRange<Double>, count: Int = 8, seed: UInt64 = 0x5EED,
  as _: T.Type = T.self
) -> [(T, T)] {
  var rng = SplitMix64(seed: seed)
  return (0..<count).map { _ in (T(rng.uniform(in: first)), T(rng.uniform(in: second))) }
}

// MARK: - Types and tolerances

/// A floating-point type the gradient checks run in, with the tolerance for its finite
/// differences.
///
/// The step is `h = cbrt(ε) · max(1, |x|)`, which balances the truncation error of a central
/// difference (`O(h²)`) against rounding (`O(ε / h)`): both are about `ε^(2/3)`, around `4e-11`
/// for `Double` and `2.4e-5` for `Float`, before the function's own scale. The tolerances leave
/// room for that scale but stay far below the error of a wrong rule (a wrong sign or factor, a
/// missing term).
protocol GradCheckScalar: BinaryFloatingPoint, CustomStringConvertible, Sendable {
  /// The largest allowed `|rule - numeric| / max(1, |rule|, |numeric|)`.
  static var gradientTolerance: Double { get }
  /// The type's name in failure messages.
  static var typeName: String { get }
}

extension Double: GradCheckScalar {
  static var gradientTolerance: Double { 1e-8 }
  static var typeName: String { "Double" }
}

extension Float: GradCheckScalar {
  static var gradientTolerance: Double { 2e-3 }
  static var typeName: String { "Float" }
}

// MARK: - Finite differences and comparison

/// The central difference `(f(x + h) - f(x - h)) / ((x + h) - (x - h))`, with
/// `h = cbrt(ε) · max(1, |x|)`.
///
/// Dividing by the difference of the rounded arguments instead of by `2h` removes the error of
/// rounding `x ± h`.
func numericDerivative<T: GradCheckScalar>(_ f: (T) -> T, at x: T) -> T {
  let h = T(cbrt(Double(T.ulpOfOne))) * max(1, abs(x))
  let above = x + h
  let below = x - h
  return (f(above) - f(below)) / (above - below)
}

/// The error measure of the checks: `|a - b|` relative to `max(1, |a|, |b|)`, so it is absolute
/// for small gradients and relative for large ones.
func scaledError<T: GradCheckScalar>(_ a: T, _ b: T) -> Double {
  let scale = max(1, abs(Double(a)), abs(Double(b)))
  return abs(Double(a) - Double(b)) / scale
}

/// Whether two values are the same, counting any two NaNs as the same.
func identical<T: FloatingPoint>(_ a: T, _ b: T) -> Bool {
  a == b || (a.isNaN && b.isNaN)
}

/// Fails unless `actual` is within the type's tolerance of `expected`, with a message that
/// names what was compared, both values and the error.
func assertGradientClose<T: GradCheckScalar>(
  _ actual: T, _ expected: T, _ what: @autoclosure () -> String,
  tolerance: Double = T.gradientTolerance, file: StaticString = #filePath, line: UInt = #line
) {
  let error = scaledError(actual, expected)
  if !(error <= tolerance) {
    XCTFail(
      "\(what()) [\(T.typeName)]: rule \(actual), finite difference \(expected), "
        + "relative error \(error) > tolerance \(tolerance)",
      file: file, line: line)
  }
}

// MARK: - Rule checks

/// Checks a rule of one argument against the function it differentiates, at every point.
///
/// - The rule's value must equal `f(x)` exactly.
/// - Its pullback of a random seed `s` must equal `s · f'(x)` by central differences.
func checkRule<T: GradCheckScalar>(
  _ name: String, _ rule: (T) -> (value: T, pullback: (T) -> T), _ f: (T) -> T, at xs: [T],
  file: StaticString = #filePath, line: UInt = #line
) {
  XCTAssertFalse(xs.isEmpty, "\(name): no points to check", file: file, line: line)
  var rng = SplitMix64(seed: 0xD5EED)
  for x in xs {
    let s = T(rng.seed())
    let (value, pullback) = rule(x)
    if !identical(value, f(x)) {
      XCTFail("\(name)(\(x)) [\(T.typeName)]: rule value \(value), function value \(f(x))", file: file, line: line)
    }
    let expected = s * numericDerivative(f, at: x)
    assertGradientClose(pullback(s), expected, "\(name)'(\(x)) with seed \(s)", file: file, line: line)
  }
}

/// Checks a rule of two arguments against the function it differentiates, at every pair.
///
/// The value must equal `f(a, b)` exactly, and each partial of the pullback of a random seed `s`
/// must equal `s` times that partial by central differences in that argument.
func checkRule<T: GradCheckScalar>(
  _ name: String, _ rule: (T, T) -> (value: T, pullback: (T) -> (T, T)), _ f: (T, T) -> T,
  at pairs: [(T, T)], file: StaticString = #filePath, line: UInt = #line
) {
  XCTAssertFalse(pairs.isEmpty, "\(name): no points to check", file: file, line: line)
  var rng = SplitMix64(seed: 0xD5EED)
  for (a, b) in pairs {
    let s = T(rng.seed())
    let (value, pullback) = rule(a, b)
    if !identical(value, f(a, b)) {
      XCTFail(
        "\(name)(\(a), \(b)) [\(T.typeName)]: rule value \(value), function value \(f(a, b))",
        file: file, line: line)
    }
    let (da, db) = pullback(s)
    let expectedA = s * numericDerivative({ f($0, b) }, at: a)
    let expectedB = s * numericDerivative({ f(a, $0) }, at: b)
    assertGradientClose(da, expectedA, "∂\(name)(\(a), \(b))/∂first with seed \(s)", file: file, line: line)
    assertGradientClose(db, expectedB, "∂\(name)(\(a), \(b))/∂second with seed \(s)", file: file, line: line)
  }
}
