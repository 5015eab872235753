@Adjoint(of: ".^")
func powerAdjoint(_ base: Double, _ exponent: Double) -> (value: Double, pullback: (Double) -> (Double, Double)) {
  let value = pow(base, exponent)
  return (value, { d in (d * exponent * pow(base, exponent - 1), d * value * log(base)) })
}
