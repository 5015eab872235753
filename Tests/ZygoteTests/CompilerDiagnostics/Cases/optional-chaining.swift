import Zygote

@Differentiable
func chained(_ x: Double?) -> Double {
  let v = x?.squareRoot() // ERROR 11: optional chaining ('?.') on a differentiated value is not supported; unwrap it first with 'if let', 'guard let', '??' or '!'
  return v ?? 0
}
