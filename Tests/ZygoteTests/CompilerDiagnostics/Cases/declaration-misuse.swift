import Zygote
#if canImport(Glibc)
  import Glibc
#endif

func constant() -> Double { 1 }

@Adjoint(of: constant) // ERROR 1: @Adjoint(of:) applies to a function that returns (value:, pullback:)
var notAFunction = 1.0

@DifferentiableStruct // ERROR 1: @DifferentiableStruct applies to structs; mark functions with @Differentiable
class NotAStruct { var x = 1.0 }

@Adjoint(of: constant)
func constantAdjoint() -> (value: Double, pullback: (Double) -> Double) { (1, { $0 }) } // ERROR 6: a custom adjoint needs the parameters of 'constant'

@Adjoint(of: "*")
func threeOperands(_ a: Double, _ b: Double, _ c: Double) -> (value: Double, pullback: (Double) -> (Double, Double, Double)) { (a * b * c, { ($0, $0, $0) }) } // ERROR 6: an operator's adjoint is a global function of one (prefix) or two (infix) operands

@Adjoint(of: 3) // ERROR 1: write the function this rule is for as @Adjoint(of: name)
func notANameAdjoint(_ x: Double) -> (value: Double, pullback: (Double) -> Double) { (x, { $0 }) }

@DifferentiableStruct
struct Counter {
  var value: Double

  @Differentiable
  mutating func bump(_ by: Double) -> Double { // ERROR 17: a differentiable 'mutating' method cannot also return a value; return the new value from a non-mutating method instead
    value += by
    return value
  }
}
