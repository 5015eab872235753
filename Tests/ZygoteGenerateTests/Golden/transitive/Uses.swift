import Zygote

@Differentiable
func usesPower(_ x: Double) -> Double {
  power(x, 3)
}
