import Zygote

@Differentiable
func fallsThrough(_ x: Double, _ n: Int) -> Double {
  var y = x
  switch n {
  case 0:
    y = y * 2
    fallthrough // ERROR 5: 'fallthrough' is not supported in a differentiable function; repeat the code in each case
  default:
    y = y + 1
  }
  return y
}
