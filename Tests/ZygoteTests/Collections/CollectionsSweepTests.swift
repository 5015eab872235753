import XCTest
import Zygote
#if canImport(Glibc)
import Glibc
#endif

// Each function of the collections tests at many seeded random points, each gradient checked
// with the dot-product identity along a seeded random direction (relative tolerance 1e-6;
// central differences with step 1e-6 are accurate to about 1e-9 on these smooth functions).

/// A seeded random array of `count` entries in [-scale, scale).
private func randomPoint(count: Int, seed: UInt64, scale: Double = 1.5) -> [Double] {
  seededDirection(count: count, seed: seed &* 7919 &+ 17).map { $0 * scale }
}

@Differentiable
private func sweepPipeline(_ xs: [Double]) -> Double {
  let ys = xs.map { x in sin(x) * 1.3 + x * x }
  let (head, tail) = (ys[0], ys[ys.count - 1])
  var s = head * tail
  for (a, b) in zip(ys, xs.reversed()) { s += a * b }
  for x in xs[1..<3] { s += exp(x / 4) }
  return s + ys.reduce(0) { acc, y in acc + y / (1 + acc * acc) }
}

@Differentiable
private func sweepDictionary(_ xs: [Double]) -> Double {
  var table: [String: Double] = ["a": xs[0], "b": xs[1] * xs[2]]
  table["c"] = (table["a"] ?? 0) * xs[3]
  var s = 0.0
  for (key, value) in table { s += key == "b" ? value * value : sin(value) }
  let maybe: Double? = xs[4] > 0 ? xs[4] : nil
  if let m = maybe { s += m * table["b", default: 1] } else { s -= table["missing", default: xs[4]] }
  return s
}

@DifferentiableStruct
private struct SweepModel {
  var w: Double
  var b: Double

  @Differentiable
  func callAsFunction(_ x: Double) -> Double { tanh(w * x + b) }

  @Differentiable
  mutating func nudge(_ d: Double) { w += 0.1 * d * b }
}

@Differentiable
private func sweepModel(_ xs: [Double]) -> Double {
  var m = SweepModel(w: xs[0], b: xs[1])
  m.nudge(xs[2])
  return xs.dropFirst(2).map { m($0) }.filter { $0 > -0.9 }.reduce(0, +)
}

final class CollectionsSweepTests: XCTestCase {
  func sweep(_ name: String, count: Int, seeds: Range<UInt64>, _ gradient: ([Double]) -> [Double], _ f: ([Double]) -> Double) {
    for seed in seeds {
      let x = randomPoint(count: count, seed: seed)
      assertGradientAlongRandomDirection(gradient(x), f, at: x, seed: seed &+ 1000)
    }
  }

  func testMapZipReversedSliceReduce() {
    sweep("pipeline", count: 6, seeds: 0..<25, { #gradient(sweepPipeline, at: $0) }, { sweepPipeline($0) })
  }

  func testDictionariesAndOptionals() {
    sweep("dictionary", count: 5, seeds: 0..<25, { #gradient(sweepDictionary, at: $0) }, { sweepDictionary($0) })
  }

  func testStructMethodsInsideClosures() {
    sweep("model", count: 7, seeds: 0..<25, { #gradient(sweepModel, at: $0) }, { sweepModel($0) })
  }
}
