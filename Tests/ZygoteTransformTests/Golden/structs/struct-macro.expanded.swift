/// The gradient of a `Particle`: one tangent per differentiable stored property.
struct Tangent: TangentVector {
  var position: Point.Tangent
  var mass: Double
  /// Creates a tangent from the tangents of each stored property.
  init(position: Point.Tangent, mass: Double) {
    self.position = position
    self.mass = mass
  }
  /// Adds `other` property by property.
  mutating func accumulate(_ other: Tangent) {
    _accumulate(&position, other.position)
    _accumulate(&mass, other.mass)
  }
}
/// The zero gradient at this value.
var zeroTangent: Tangent { Tangent(position: _zeroTangent(like: position), mass: _zeroTangent(like: mass)) }
extension Particle: Differentiable {}
