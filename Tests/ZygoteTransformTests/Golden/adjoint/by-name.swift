@Adjoint(of: "erf")
func erfAdjoint(_ x: Double) -> (value: Double, pullback: (Double) -> Double) {
  (erf(x), { d in d * 2 / Double.pi.squareRoot() * exp(-x * x) })
}
