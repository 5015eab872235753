// Nested #derivative / #gradient inside the closure of another: the outer use runs in forward
// mode on Dual numbers, the nested ones in reverse mode on those duals. The classic checks of
// perturbation confusion, and deeper nesting, against closed forms.

import XCTest
import Zygote
import ZygoteMath

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

final class NestedDerivativeTests: XCTestCase {
  func testNoPerturbationConfusion() {
    // D(x -> x * D(y -> x * y, 1), 4): the inner derivative is x, so the outer is d(x²)/dx = 8.
    // Confusing the two perturbations gives 4 or 16 (Siskind and Pearlmutter).
    XCTAssertEqual(#derivative({ x in x * #derivative({ y in x * y }, at: 1.0) }, at: 4.0), 8)
    // The same with the nested point a literal that could take any type, and with #gradient.
    XCTAssertEqual(#gradient({ x in x * #gradient({ y in x * y }, at: 1) }, at: 4.0), 8)
    // D(x -> D(y -> x + y, 1), 3) = D(x -> 1) = 0 (confusion would give 1).
    XCTAssertEqual(#derivative({ x in #derivative({ y in x + y }, at: 1.0) }, at: 3.0), 0)
  }

  func testDerivativeOfTheDerivativeOfSin() {
    // D(x -> D(sin, x), 0.5) = -sin(0.5)
    XCTAssertEqual(#derivative({ x in #derivative(sin, at: x) }, at: 0.5), -sin(0.5), accuracy: 1e-15)
    // sin''(1.0) = -sin(1.0), written with a closure inside.
    XCTAssertEqual(#derivative({ x in #derivative({ y in sin(y) }, at: x) }, at: 1.0), -sin(1.0), accuracy: 1e-15)
  }

  func testThirdDerivative() {
    // sin''' = -cos: forward over forward over reverse, each level its own dual type.
    XCTAssertEqual(
      #derivative({ x in #derivative({ y in #derivative(sin, at: y) }, at: x) }, at: 1.0), -cos(1.0), accuracy: 1e-15)
    // d³/dx³ (x⁴) = 24x
    XCTAssertEqual(
      #derivative({ x in #derivative({ y in #derivative({ z in z * z * z * z }, at: y) }, at: x) }, at: 2.0), 48)
  }

  func testNestedDerivativeWithCapturedOuterVariableAtDeeperLevel() {
    // A value from two levels out, used in the innermost level (lifted level by level):
    // d/dx [ d/dy [ d/dz (x·y·z) at 1 ] at 1 ] = d/dx [ d/dy (x·y) ] = d/dx x = 1
    XCTAssertEqual(
      #derivative({ x in #derivative({ y in #derivative({ z in x * y * z }, at: 1.0) }, at: 1.0) }, at: 5.0), 1)
    // d/dz (x y z²) at z = 1 is 2xy; d/dy of that at y = 1 is 2x; d/dx [x · 2x] = 4x = 8 at 2.
    let product: Double = #derivative({ x in x * #derivative({ y in #derivative({ z in x * y * z * z }, at: 1.0) }, at: 1.0) }, at: 2.0)
    XCTAssertEqual(product, 8)
    // Innermost d/dz (y z²) at z = y is 2y²; d/dy of that at y = x is 4x; d/dx of 4x is 4.
    XCTAssertEqual(
      #derivative({ x in #derivative({ y in #derivative({ z in y * z * z }, at: y) }, at: x) }, at: 2.0), 4)
    // d/dx [ x² · d/dy (x·y²) at 2 ] = d/dx [ x² · 4x ] = 12x² = 48 at x = 2
    XCTAssertEqual(#derivative({ x in x * x * #derivative({ y in x * y * y }, at: 2.0) }, at: 2.0), 48)
  }

  func testNestedGenericFunctionAndValueWithGradient() {
    // f = x sin x, f' = sin x + x cos x; d/dx f'(x) = 2 cos x - x sin x.
    let x = 0.8
    XCTAssertEqual(#derivative({ x in #derivative(xSinX, at: x) }, at: x), 2 * cos(x) - x * sin(x), accuracy: 1e-14)
    let (value, gradient) = #valueWithGradient({ x in #derivative(xSinX, at: x) }, at: x)
    XCTAssertEqual(value, sin(x) + x * cos(x), accuracy: 1e-14)
    XCTAssertEqual(gradient, 2 * cos(x) - x * sin(x), accuracy: 1e-14)
  }

  func testOuterGradientOfAnArrayAndOfTwoScalars() {
    // g(a) = ‖∇f(a)‖² / 2 for f = Rosenbrock; its gradient is H·∇f, checked against the
    // closed-form Hessian.
    let a = [-1.2, 1.0, 0.3]
    let outer = #gradient({ a in
      let g = #gradient(rosenbrock, at: a)
      // Locals take the closure's scalar type (Dual numbers here), so not a literal 0.0.
      var s = g[0] * g[0] / 2
      for i in 1..<g.count { s += g[i] * g[i] / 2 }
      return s
    }, at: a)
    let g = #gradient(rosenbrock, at: a)
    let h = rosenbrockHessian(a)
    for i in 0..<3 {
      let expected = (0..<3).map { h[i][$0] * g[$0] }.reduce(0, +)
      XCTAssertEqual(outer[i], expected, accuracy: 1e-10 * max(1, abs(expected)))
    }
    // Two scalars: ∂/∂x and ∂/∂y of x · d/dz (y z²) at z = 3 = 6xy: (6y, 6x).
    let (dx, dy) = #gradient({ x, y in x * #derivative({ z in y * z * z }, at: 3.0) }, at: 2.0, 5.0)
    XCTAssertEqual(dx, 30)
    XCTAssertEqual(dy, 12)
  }

  func testNestedDerivativeInFloat() {
    XCTAssertEqual(#derivative({ x in #derivative(sin, at: x) }, at: Float(0.5)), -sin(Float(0.5)), accuracy: 1e-6)
  }

  func testDifferentiableFunctionTakingANestedDerivativeHasAForwardModeRule() {
    XCTAssertEqual(squareByNestedDerivative(4.0), 16)
    XCTAssertEqual(#derivative(squareByNestedDerivative, at: 4.0), 8)
    // Called from reverse-mode code, and differentiated twice (forward over forward over reverse).
    XCTAssertEqual(#gradient({ x in sin(squareByNestedDerivative(x)) }, at: 0.5), cos(0.25) * 2 * 0.5, accuracy: 1e-15)
    XCTAssertEqual(#hessian(squareByNestedDerivative, at: 4.0), 2)
    // Its derivative taken inside another forward level: the levels are distinct dual types.
    XCTAssertEqual(#derivative({ x in #derivative(squareByNestedDerivative, at: x) }, at: 4.0), 2)
    XCTAssertEqual(#derivative({ x in x * #derivative(squareByNestedDerivative, at: x) }, at: 3.0), 12)
    let (dx, dy) = #gradient(productByNestedDerivative, at: 2.0, 5.0)
    XCTAssertEqual(dx, 30)
    XCTAssertEqual(dy, 12)
    let a = [-1.2, 1.0, 0.3]
    let g = #gradient(rosenbrock, at: a)
    let h = rosenbrockHessian(a)
    let outer = #gradient(gradientNormSquared, at: a)
    for i in 0..<3 {
      let expected = (0..<3).map { h[i][$0] * g[$0] }.reduce(0, +)
      XCTAssertEqual(outer[i], expected, accuracy: 1e-10 * max(1, abs(expected)))
    }
  }

  func testDropgradStopsForwardModeToo() {
    // x · dropgrad(x): the derivative is dropgrad(x) = x, and its derivative is 0.
    let (_, df) = #pushforward({ x in x * dropgrad(x) }, at: 3.0)
    XCTAssertEqual(df(1), 3)
    XCTAssertEqual(#derivative({ x in #derivative({ y in y * dropgrad(y) }, at: x) }, at: 3.0), 0)
    XCTAssertEqual(#hessian({ x in x * dropgrad(x) }, at: 3.0), 0)
  }
}
