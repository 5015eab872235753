import XCTest
import Zygote
#if canImport(Glibc)
import Glibc
#endif

@DifferentiableStruct
struct Point {
  var x: Double
  var y: Double
}

@DifferentiableStruct
struct Particle {
  var position: Point
  var mass: Double
  var id: Int
}

@Differentiable
func norm2(_ p: Point) -> Double { p.x * p.x + p.y * p.y }

@Differentiable
func kinetic(_ particle: Particle, _ scale: Double) -> Double {
  0.5 * particle.mass * (particle.position.x * particle.position.x + particle.position.y * particle.position.y) * scale
}

@Differentiable
func moved(_ p: Point, _ dx: Double) -> Double {
  var q = p
  q.x += dx
  q.y = q.y * 2
  return norm2(q)
}

@Differentiable
func fromScalars(_ a: Double, _ b: Double) -> Double {
  let p = Point(x: a * b, y: a)
  return norm2(p)
}

final class StructTests: XCTestCase {
  func testApiExample() {
    let g = #gradient(norm2, at: Point(x: 3, y: 4))
    XCTAssertEqual(g.x, 6)
    XCTAssertEqual(g.y, 8)
    let zero = Point(x: 1, y: 2).zeroTangent
    XCTAssertEqual(zero.x, 0)
    XCTAssertEqual(Point.Tangent(x: 1, y: 2).y, 2)
  }

  func testNestedStructsSkipIntegerProperties() {
    let particle = Particle(position: Point(x: 1, y: 2), mass: 3, id: 7)
    let (g, gs) = #gradient(kinetic, at: particle, 2.0)
    XCTAssertEqual(g.mass, 0.5 * 5 * 2)
    XCTAssertEqual(g.position.x, 0.5 * 3 * 2 * 1 * 2)
    XCTAssertEqual(g.position.y, 0.5 * 3 * 2 * 2 * 2)
    XCTAssertEqual(gs, 0.5 * 3 * 5)
  }

  func testPropertyWritesAndCopies() {
    // q = (p.x + dx, 2 p.y): f = (p.x + dx)² + 4 p.y²
    let (g, gdx) = #gradient(moved, at: Point(x: 1, y: 3), 0.5)
    XCTAssertEqual(g.x, 3)
    XCTAssertEqual(g.y, 24)
    XCTAssertEqual(gdx, 3)
  }

  func testMemberwiseInitializer() {
    // f = (ab)² + a²
    let (ga, gb) = #gradient(fromScalars, at: 2.0, 3.0)
    XCTAssertEqual(ga, 2 * 2 * 9 + 2 * 2)
    XCTAssertEqual(gb, 2 * 3 * 4)
  }
}
