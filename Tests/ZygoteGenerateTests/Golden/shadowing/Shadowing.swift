import Zygote

// Free functions: the plugin would generate their rules.
func scale(_ x: Double) -> Double { 3 * x }
func offset(_ x: Double) -> Double { x + 1 }

struct Model {
  var w: Double

  func scale(_ x: Double) -> Double { w * x }

  // `scale(x)` calls the method above, not the free function: refused at this function.
  @Differentiable
  func predict(_ x: Double) -> Double { scale(x) + 1 }
}

// A nested function shadows the free one: refused.
@Differentiable
func outer(_ x: Double) -> Double {
  func offset(_ y: Double) -> Double { y * 10 }
  return offset(x) * x
}

// Reached from `root`, unannotated, with a closure parameter named like the free function: not
// shadowed, since a call of a closure parameter is the call of the rule of the closure passed.
func viaVariable(_ x: Double, _ offset: (Double) -> Double) -> Double {
  offset(x) * 2
}

@Differentiable
func root(_ x: Double) -> Double {
  viaVariable(x, { $0 })
}

// A closure parameter shadows it inside #gradient: refused.
func run(_ offset: (Double) -> Double) {
  print(#gradient({ x in offset(x) * x }, at: 1.0))
}

// Inherited through a protocol extension: `Sized` gets `scale` from `Scalable`. Refused.
protocol Scalable {}

extension Scalable {
  func scale(_ x: Double) -> Double { 2 * x }
}

struct Sized {
  @Differentiable
  func grow(_ x: Double) -> Double { scale(x) * x }
}

extension Sized: Scalable {}
