import Zygote

struct Holder {
  @Differentiable var value: Double // ERROR 3: @Differentiable cannot be attached to a stored property; mark the functions that use it, or its struct with @DifferentiableStruct
}
