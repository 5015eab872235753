import Zygote
#if canImport(Glibc)
import Glibc
#endif

infix operator **: MultiplicationPrecedence
func ** (a: Double, b: Double) -> Double { pow(a, b) }

@Differentiable
func powered(_ x: Double) -> Double {
  x ** 2 // ERROR 27: '_vjp(__operator_2a2a:_:_calledFrom_powered_line10:)' is unavailable: the operator '**' has no derivative for these operands: write an @Adjoint(of: "**"), or wrap the operands in dropgrad(_:)
}
