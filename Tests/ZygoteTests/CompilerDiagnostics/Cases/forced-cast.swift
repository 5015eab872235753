import Zygote

@Differentiable
func forced(_ x: Double) -> Double {
  let y = (x as Any) as! Double // ERROR 11: the cast 'as!' is not supported on a differentiated value; use 'as' or a conversion such as Double(x)
  return y * 2
}
