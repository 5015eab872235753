@Differentiable
func model(_ x: Double) -> Double {
  let y = checkpointed(longLoop, x * 2)
  return y * x
}
