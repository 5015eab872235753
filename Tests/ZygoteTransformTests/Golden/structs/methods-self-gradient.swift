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
