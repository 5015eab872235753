import XCTest
import Zygote
#if canImport(Glibc)
import Glibc
#endif

// Custom adjoints: functions, methods, operators (built-in ones on new types, and new operators),
// generic functions, a C function from Glibc, and rules that differ from the true derivative.

/// Gradient clipping: the value is x, the gradient passed back is clamped to [-1, 1].
func clipGradient(_ x: Double) -> Double { x }
@Adjoint(of: clipGradient)
func clipGradientAdjoint(_ x: Double) -> (value: Double, pullback: (Double) -> Double) {
  (x, { d in min(max(d, -1), 1) })
}

/// A straight-through estimator: rounds forward, passes the gradient through unchanged.
func roundST(_ x: Double) -> Double { x.rounded() }
@Adjoint(of: roundST)
func roundSTAdjoint(_ x: Double) -> (value: Double, pullback: (Double) -> Double) {
  (x.rounded(), { d in d })
}

/// The error function from the C library, with its derivative 2/√π · exp(-x²).
@Adjoint(of: "erf")
func erfAdjoint(_ x: Double) -> (value: Double, pullback: (Double) -> Double) {
  (erf(x), { d in d * 2 / Double.pi.squareRoot() * exp(-x * x) })
}

/// A generic function and its generic adjoint.
func cube<T: BinaryFloatingPoint>(_ x: T) -> T { x * x * x }
@Adjoint(of: "cube")
func cubeAdjoint<T: BinaryFloatingPoint>(_ x: T) -> (value: T, pullback: (T) -> T) {
  (cube(x), { d in 3 * x * x * d })
}

/// A new operator and its adjoint.
infix operator .^: MultiplicationPrecedence
func .^ (base: Double, exponent: Double) -> Double { pow(base, exponent) }
@Adjoint(of: ".^")
func powerAdjoint(_ base: Double, _ exponent: Double) -> (value: Double, pullback: (Double) -> (Double, Double)) {
  let value = pow(base, exponent)
  return (value, { d in (d * exponent * pow(base, exponent - 1), d * value * log(base)) })
}

/// A built-in operator on a new type.
struct Meters: Differentiable, TangentVector {
  var value: Double
  var zeroTangent: Meters { Meters(value: 0) }
  mutating func accumulate(_ other: Meters) { value += other.value }
}
func * (a: Meters, b: Double) -> Meters { Meters(value: a.value * b) }
@Adjoint(of: "*")
func metersTimes(_ a: Meters, _ b: Double) -> (value: Meters, pullback: (Meters) -> (Meters, Double)) {
  (a * b, { d in (Meters(value: d.value * b), d.value * a.value) })
}

/// A method's adjoint: the pullback returns the tangent of `self` first.
extension Meters {
  func scaled(_ k: Double) -> Double { value * k }

  @Adjoint(of: Meters.scaled)
  func scaledAdjoint(_ k: Double) -> (value: Double, pullback: (Double) -> (Meters, Double)) {
    (scaled(k), { d in (Meters(value: d * k), d * value) })
  }
}

@Differentiable
func clipped(_ x: Double) -> Double { clipGradient(x * x) * 2 }

@Differentiable
func quantized(_ x: Double) -> Double { roundST(x * 10) / 10 + x }

@Differentiable
func usesErf(_ x: Double) -> Double { erf(2 * x) + cube(x) }

@Differentiable
func usesNewOperator(_ b: Double, _ e: Double) -> Double { (b .^ e) * 3 }

@Differentiable
func usesMeters(_ m: Meters, _ k: Double) -> Double { (m * k).scaled(2) }

final class CustomAdjointTests: XCTestCase {
  func testGradientClippingIsHonoured() {
    // d/dx [clip(x^2) * 2]: the seed into clip is 2, clipped to 1, then times 2x.
    assertClose(#gradient(clipped, at: 3.0), 1 * 2 * 3)
    assertClose(#gradient(clipped, at: -0.5), 1 * 2 * -0.5)
  }

  func testStraightThroughEstimator() {
    // The rounding contributes 10 / 10 = 1, not 0; plus 1 from x.
    assertClose(#gradient(quantized, at: 0.37), 2)
  }

  func testAdjointOfACFunctionAndOfAGenericFunction() {
    let x = 0.4
    assertClose(#gradient(usesErf, at: x), 4 / Double.pi.squareRoot() * exp(-4 * x * x) + 3 * x * x)
    assertMatchesFiniteDifference(#gradient(usesErf, at: x), usesErf, at: x)
    let gf = #gradient({ (x: Float) -> Float in cube(x) }, at: Float(2))
    XCTAssertEqual(gf, 12)
  }

  func testAdjointOfANewOperator() {
    let (gb, ge) = #gradient(usesNewOperator, at: 2.0, 3.0)
    assertClose(gb, 3 * 3 * 4)
    assertClose(ge, 3 * 8 * log(2))
  }

  func testAdjointsOfAnOperatorOnANewTypeAndOfAMethod() {
    // (m.value * k) * 2: d/dm.value = 2k, d/dk = 2 m.value
    let (gm, gk) = #gradient(usesMeters, at: Meters(value: 1.5), 4.0)
    assertClose(gm.value, 8)
    assertClose(gk, 3)
  }
}
