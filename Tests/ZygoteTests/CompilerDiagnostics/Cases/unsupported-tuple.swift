import Zygote

@Differentiable
func firstOfPair(_ x: Double) -> Double {
  let pair = (x, x) // ERROR 14: tuples of differentiated values are not supported yet
  return pair.0
}
