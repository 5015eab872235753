import Zygote

func triple(_ x: Double) -> Double { 3 * x }

@Adjoint(of: triple)
func tripleAdjoint(_ x: Double) -> Double { 3 * x } // ERROR 6: a custom adjoint must return '(value: Value, pullback: (Value) -> Gradient)'; 'tripleAdjoint' returns Double

struct Scale {
  static func make(_ x: Double) -> Double { x }
  @Adjoint(of: Scale.make)
  static func makeAdjoint(_ x: Double) -> (value: Double, pullback: (Double) -> Double) { (x, { $0 }) } // ERROR 15: @Adjoint(of:) applies to instance methods; write the adjoint of a static method as a global function
}

func host() {
  @Adjoint(of: triple)
  func localAdjoint(_ x: Double) -> (value: Double, pullback: (Double) -> Double) { (3 * x, { 3 * $0 }) } // ERROR 8: @Adjoint(of:) applies at file scope or in a type or extension; move 'localAdjoint' out of the function body
}
