import Zygote

@Differentiable
func pairwise(_ xs: [Double]) -> Double {
  var s = 0.0
  for (a, b) in zip(xs.dropFirst(), xs) { s += a * b } // ERROR 17: iterating over a differentiated value is not supported yet; iterate over its indices
  return s
}
