import Zygote

@Differentiable // ERROR 1: @Differentiable applies to functions; mark the struct 'Wrong' with @DifferentiableStruct instead
struct Wrong { var x: Double }

@DifferentiableStruct
struct Model {
  var w: Double

  @Differentiable
  func shadowing(_ x: Double) -> Double { // ERROR 8: the local name 'w' hides the stored property 'w' of self; rename the local
    let w = x * 2
    return w
  }
}

extension Model {
  @Differentiable
  mutating func grow(by d: Double) { w += d } // ERROR 17: @Differentiable supports 'mutating' methods declared in the body of a @DifferentiableStruct; move 'grow' there, or return the new value instead
}

@DifferentiableStruct
struct Circle {
  var radius: Double
  var area: Double { radius * radius * 3.14 }

  @Differentiable
  func scaledArea(_ k: Double) -> Double { area * k } // ERROR 8: 'scaledArea' reads the computed property 'area', whose getter has no derivative; make it a @Differentiable method and call it
}
