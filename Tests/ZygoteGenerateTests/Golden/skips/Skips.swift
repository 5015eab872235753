import Zygote

@Differentiable
func root(_ x: Double) -> Double {
  annotated(x) + custom(x) + committed(x) + overloaded(x) + plain(x)
}

// Has @Differentiable: the macro generates its rule.
@Differentiable
func annotated(_ x: Double) -> Double { x * 3 }

// Has a custom adjoint: its rule is the adjoint's.
func custom(_ x: Double) -> Double { x * x }

@Adjoint(of: custom)
func customAdjoint(_ x: Double) -> (value: Double, pullback: (Double) -> Double) {
  (custom(x), { d in 2 * x * d })
}

// Has a rule already (the committed output of `swift package zygote-generate`, or hand-written).
func committed(_ x: Double) -> Double { x + 2 }

func _vjp(committed x: Double) -> (value: Double, pullback: (Double) -> Double) {
  (committed(x), { d in d })
}

// One overload is annotated, the other is not: only the other gets a generated rule.
@Differentiable
func overloaded(_ x: Double) -> Double { x * 5 }

func overloaded(_ x: Float) -> Float { x * 5 }

func plain(_ x: Double) -> Double {
  // A nested function cannot be seen from another file: it is not a candidate.
  func inner(_ y: Double) -> Double { y * 2 }
  return x * 7
}
