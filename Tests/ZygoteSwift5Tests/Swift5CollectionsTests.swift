import XCTest
import Zygote
#if canImport(Glibc)
import Glibc
#endif

// Tuples, optionals, dictionaries, closures and struct methods in Swift 5 language mode.

@DifferentiableStruct
struct Swift5Line {
  var w: Double
  var b: Double
  var uses: Int

  @Differentiable
  func callAsFunction(_ x: Double) -> Double { w * x + b }

  @Differentiable
  mutating func shift(by d: Double) {
    b += d
    uses += 1
  }
}

@Differentiable
func swift5Collections(_ xs: [Double], _ table: [String: Double], _ line: Swift5Line) -> Double {
  let (a, b) = (xs[0] * 2, table["k"] ?? 1)
  let maybe: Double? = a > 0 ? a : nil
  guard let positive = maybe else { return b }
  var moved = line
  moved.shift(by: positive)
  let mapped = xs.map { moved($0) }.reduce(0, +)
  var s = 0.0
  for (key, value) in table where key != "skip" { s += value * b }
  for (x, y) in zip(xs, xs.reversed()) { s += x * y }
  return mapped + s
}

final class Swift5CollectionsTests: XCTestCase {
  func testCollectionsInSwift5Mode() {
    let xs = [0.5, 1.5, -1.0]
    let table = ["k": 2.0, "skip": 5.0]
    let line = Swift5Line(w: 3, b: 0.5, uses: 0)
    let (gx, gt, gl) = #gradient(swift5Collections, at: xs, table, line)
    // value = sum_i (w x_i + b + 2 x_0) + k * k + sum_i x_i x_{n-1-i}  (x_0 > 0)
    XCTAssertEqual(gx[0], 3 + 3 * 2 + 2 * -1.0, accuracy: 1e-12)
    XCTAssertEqual(gx[1], 3 + 2 * 1.5, accuracy: 1e-12)
    XCTAssertEqual(gx[2], 3 + 2 * 0.5, accuracy: 1e-12)
    XCTAssertEqual(gt["k"]!, 2 * 2, accuracy: 1e-12)
    XCTAssertEqual(gl.w, xs.reduce(0, +), accuracy: 1e-12)
    XCTAssertEqual(gl.b, 3, accuracy: 1e-12)
  }
}
