import XCTest
import Zygote
#if canImport(Glibc)
import Glibc
#endif

// @Differentiable on every kind of function: methods of structs and classes, static methods,
// methods in extensions, nested functions, generic functions; and the entry points with up to
// four arguments.

struct Spring {
  var k: Double

  @Differentiable
  func energy(_ x: Double) -> Double { 0.5 * k * x * x }

  @Differentiable
  static func drag(_ v: Double, _ c: Double) -> Double { c * v * v }

  @Differentiable
  func total(_ x: Double) -> Double { self.energy(x) + Spring.drag(x, 0.1) }
}

final class Pendulum {
  let length: Double
  init(length: Double) { self.length = length }

  @Differentiable
  func height(_ angle: Double) -> Double { length * (1 - cos(angle)) }
}

extension Double {
  @Differentiable
  static func cubed(_ x: Double) -> Double { x * x * x }
}

@Differentiable
func usesNested(_ x: Double) -> Double {
  @Differentiable
  func square(_ y: Double) -> Double { y * y }
  return square(x) + square(2 * x)
}

@Differentiable
public func genericPolynomial<T: BinaryFloatingPoint>(_ x: T) -> T { 3 * x * x - x / 2 + 1 }

@Differentiable
func fourArguments(_ a: Double, _ b: Double, _ c: Double, _ d: Double) -> Double { a * b + c * d * d }

final class FunctionKindsTests: XCTestCase {
  func testMethodsStaticMethodsAndSelfCalls() {
    let spring = Spring(k: 3)
    let (_, energyBack) = spring._vjpm(energy: 2.0)
    XCTAssertEqual(energyBack(1).1, 6)
    XCTAssertEqual(#gradient({ x in spring.energy(x) }, at: 2.0), 6)
    XCTAssertEqual(#gradient({ v in Spring.drag(v, 0.5) }, at: 4.0), 4)
    XCTAssertEqual(#gradient({ x in spring.total(x) }, at: 2.0), 6 + 0.4, accuracy: 1e-12)
  }

  func testClassAndExtensionMethods() {
    let pendulum = Pendulum(length: 2)
    XCTAssertEqual(#gradient({ a in pendulum.height(a) }, at: 0.3), 2 * sin(0.3), accuracy: 1e-12)
    XCTAssertEqual(#gradient({ x in Double.cubed(x) }, at: 2.0), 12)
  }

  func testNestedFunctions() {
    XCTAssertEqual(#gradient(usesNested, at: 1.5), 2 * 1.5 + 8 * 1.5)
  }

  func testGenericFunctionsAtDoubleAndFloat() {
    XCTAssertEqual(#gradient(genericPolynomial, at: 2.0), 11.5)
    XCTAssertEqual(#gradient(genericPolynomial, at: Float(2)), 11.5)
  }

  func testOneToFourArguments() {
    let (ga, gb, gc, gd) = #gradient(fourArguments, at: 1.0, 2.0, 3.0, 4.0)
    XCTAssertEqual([ga, gb, gc, gd], [2, 1, 16, 24])
    let (value, gradient) = #valueWithGradient(fourArguments, at: 1.0, 2.0, 3.0, 4.0)
    XCTAssertEqual(value, 2 + 48)
    XCTAssertEqual(gradient.3, 24)
    let (y, back) = #pullback(fourArguments, at: 1.0, 2.0, 3.0, 4.0)
    XCTAssertEqual(y, 50)
    XCTAssertEqual(back(2).2, 32)
    let (g3a, _, g3c) = #gradient({ (a: Double, b: Double, c: Double) in a * b * c }, at: 2.0, 3.0, 4.0)
    XCTAssertEqual(g3a, 12)
    XCTAssertEqual(g3c, 6)
  }
}
