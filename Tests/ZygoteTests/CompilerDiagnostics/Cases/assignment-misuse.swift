import Zygote

@Differentiable
func tupleAssign(_ x: Double) -> Double {
  var a = 0.0
  var b = 0.0
  (a, b) = (x, x * 2) // ERROR 3: assigning to '(a, b)' is not supported yet for differentiated values; assign to a local variable
  return a + b
}

@Differentiable
func switchOnValue(_ x: Double) -> Double {
  switch x { // ERROR 10: switching on a differentiated value is not supported; switch on an integer or enum
  case 0: return 1
  default: return x
  }
}
