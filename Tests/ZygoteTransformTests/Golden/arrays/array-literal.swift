@Differentiable
func f(_ x: Double) -> Double {
  let a = [x, x]
  return a[0]
}
