import Zygote

func helper(_ x: Double) -> Double { x * 2 }

@Differentiable
func usesHelper(_ x: Double) -> Double {
  helper(x) + 1 // ERROR 27: '_vjp(helper:_:_calledFrom_usesHelper_line6:)' is unavailable: 'helper' has no derivative: mark it @Differentiable, write an @Adjoint(of: helper), or wrap the call in dropgrad(_:)
}
