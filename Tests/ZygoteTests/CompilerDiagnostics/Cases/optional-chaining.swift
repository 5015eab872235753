import Zygote

@Differentiable
func chained(_ x: Double?) -> Double {
  let v = (x ?? 0 > 1 ? x : nil)?.squareRoot() // ERROR 11: optional chaining ('?.') on a differentiated value is supported on variables, properties and elements; bind the optional to a variable first
  return v ?? 0
}
