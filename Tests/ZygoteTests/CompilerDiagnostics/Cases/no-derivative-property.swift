import Zygote

@DifferentiableStruct
struct Tracker {
  var w: Double
  @NoDerivative var last: Double

  @Differentiable
  mutating func record(_ x: Double) {
    last = w * x // ERROR 12: 'self.last' has no derivative, but is assigned a differentiated value; wrap the value in dropgrad(_:)
    w += x
  }
}
