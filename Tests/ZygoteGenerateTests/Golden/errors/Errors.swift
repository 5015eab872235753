import Zygote

@Differentiable
func root(_ x: Double, _ v: Vector) -> Double {
  hidden(x) + fails(x) + log(x) + v.sum() + v.norm(x)
}

// private: a separate file cannot call it.
private func hidden(_ x: Double) -> Double { x * 2 }

// The transform refuses throwing functions.
func fails(_ x: Double) throws -> Double { x }

// A user's function with a library function's name that cannot be differentiated: the call may
// mean Foundation's log, so it is skipped with a note, not an error.
func log(_ message: String) { print(message) }

struct Vector {
  var xs: [Double]
  // A method with no parameter: skipped with a note (the call may mean another type's sum).
  func sum() -> Double { xs.reduce(0, +) }
  // A method whose type is fine.
  func norm(_ x: Double) -> Double { x * x }
}
