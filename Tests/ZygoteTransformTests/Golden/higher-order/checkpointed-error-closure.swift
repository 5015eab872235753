@Differentiable
func model(_ x: Double) -> Double {
  checkpointed({ y in y * x }, x)
}
