import Zygote

func risky(_ x: Double) throws -> Double { x }

@Differentiable
func usesTry(_ x: Double) -> Double {
  let y = try! risky(x) // ERROR 11: 'try' is not supported in a differentiated expression; differentiable functions cannot throw yet
  return y * 2
}

@Differentiable
func usesDefer(_ x: Double) -> Double {
  var s = x
  defer { s = s * 2 } // ERROR 3: 'defer' blocks that touch differentiated values are not supported yet
  return s
}
