@Differentiable
func usesNewOperator(_ b: Double, _ e: Double) -> Double {
  (b .^ e) * 3
}
