import XCTest
import Zygote
#if canImport(Glibc)
import Glibc
#endif

/// A model with a `callAsFunction`, a method that calls another method, and a mutating step.
@DifferentiableStruct
struct Affine {
  var w: Double
  var b: Double
  var steps: Int

  @Differentiable
  func callAsFunction(_ x: Double) -> Double {
    w * x + b
  }

  @Differentiable
  func squaredError(_ x: Double, _ y: Double) -> Double {
    let e = self(x) - y
    return e * e + penalty()
  }

  @Differentiable
  func penalty() -> Double {
    0.01 * (w * w + self.b * self.b)
  }

  @Differentiable
  mutating func scale(by factor: Double) {
    w *= factor
    b = b * factor + 1
    steps += 1
  }
}

@DifferentiableStruct
struct Pair<T: BinaryFloatingPoint> {
  var first: T
  var second: T

  @Differentiable
  func product() -> T {
    first * second
  }
}

@DifferentiableStruct
struct Layers {
  var inner: Affine
  var outer: Affine

  @Differentiable
  func callAsFunction(_ x: Double) -> Double {
    outer(tanh(inner(x)))
  }
}

@Differentiable
func afterScaling(_ model: Affine, _ factor: Double, _ x: Double) -> Double {
  var m = model
  m.scale(by: factor)
  m.scale(by: 0.5)
  return m(x)
}

@Differentiable
func pairLoss(_ p: Pair<Double>) -> Double {
  p.product() + p.first
}

final class StructMethodTests: XCTestCase {
  let model = Affine(w: 1.5, b: -0.3, steps: 0)

  func testGradientWithRespectToSelfOfCallAsFunction() {
    let g = #gradient({ (m: Affine) -> Double in m(2.0) }, at: model)
    assertClose(g.w, 2)
    assertClose(g.b, 1)
  }

  func testMethodCallingMethodsBareAndThroughSelf() {
    let (x, y) = (0.7, 2.0)
    let g = #gradient({ (m: Affine) -> Double in m.squaredError(x, y) }, at: model)
    let e = model.w * x + model.b - y
    assertClose(g.w, 2 * e * x + 0.02 * model.w)
    assertClose(g.b, 2 * e + 0.02 * model.b)
    let gx = #gradient({ x in self.model.squaredError(x, y) }, at: x)
    assertClose(gx, 2 * e * model.w)
  }

  func testMutatingMethodsInADifferentiatedBody() {
    // w' = w f / 2, b' = ((b f + 1) / 2 + 1)... scale(by: 0.5): b'' = b' * 0.5 + 1
    // value = w'' x + b'' with w'' = 0.5 f w, b'' = 0.5 (b f + 1) + 1
    let (f, x) = (3.0, 1.25)
    let (gm, gf, gx) = #gradient(afterScaling, at: model, f, x)
    assertClose(gm.w, 0.5 * f * x)
    assertClose(gm.b, 0.5 * f)
    assertClose(gf, 0.5 * model.w * x + 0.5 * model.b)
    assertClose(gx, 0.5 * f * model.w)
    XCTAssertEqual(afterScaling(model, f, x), 0.5 * f * model.w * x + 0.5 * (model.b * f + 1) + 1)
  }

  func testGenericStruct() {
    let g = #gradient(pairLoss, at: Pair(first: 2.0, second: 5.0))
    assertClose(g.first, 5 + 1)
    assertClose(g.second, 2)
    let gf = #gradient({ (p: Pair<Float>) -> Float in p.product() }, at: Pair<Float>(first: 3, second: 4))
    XCTAssertEqual(gf.first, 4)
    XCTAssertEqual(gf.second, 3)
  }

  func testNestedModelsWithCallAsFunction() {
    let layers = Layers(inner: Affine(w: 0.8, b: 0.1, steps: 0), outer: Affine(w: -1.2, b: 0.4, steps: 0))
    let x = 0.9
    let g = #gradient({ (m: Layers) -> Double in m(x) }, at: layers)
    let h = tanh(0.8 * x + 0.1)
    assertClose(g.outer.w, h)
    assertClose(g.outer.b, 1)
    assertClose(g.inner.w, -1.2 * (1 - h * h) * x)
    assertClose(g.inner.b, -1.2 * (1 - h * h))
    let (_, gx) = #gradient({ (m: Layers, x: Double) -> Double in m(x) }, at: layers, x)
    assertMatchesFiniteDifference(gx, { layers($0) }, at: x)
  }
}
