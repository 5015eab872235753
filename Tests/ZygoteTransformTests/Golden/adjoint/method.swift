// context: extension Meters {
@Adjoint(of: Meters.scaled)
func scaledAdjoint(_ k: Double) -> (value: Double, pullback: (Double) -> (Meters, Double)) {
  (scaled(k), { d in (Meters(value: d * k), d * value) })
}
