// arguments: --function train
// With --function, only the uses on that declaration and inside it are printed.
import Zygote

@Differentiable
func first(_ x: Double) -> Double { x + 1 }

func train() -> Double {
  @Differentiable
  func step(_ w: Double) -> Double { first(w) * w }

  return #gradient(step, at: 1.0)
}

let g1 = #gradient(first, at: 1.0)
