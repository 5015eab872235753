// Uses the transform refuses: each error points at its line and column.
import Zygote

@Differentiable
func returnInLoop(_ x: Double) -> Double {
  for i in 0..<3 {
    if Double(i) > x { return x }
  }
  return 0
}

@Differentiable
func throwing(_ x: Double) throws -> Double { x }

@Differentiable
func forcedCast(_ x: Double) -> Double {
  (x as Any) as! Double
}

struct Holder {
  @Differentiable var stored: Double = 1
}

protocol Model {
  @Differentiable
  func loss(_ x: Double) -> Double
}

@Differentiable
func takesInout(_ x: inout Double) -> Double { x }

let wrong = #gradient(returnInLoop)
