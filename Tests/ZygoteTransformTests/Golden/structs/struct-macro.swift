@DifferentiableStruct
struct Particle {
  var position: Point
  var mass: Double
  var id: Int
  @NoDerivative var label: String
}
