import Zygote

@Differentiable
func keyworded(_ x: Double) -> Double {
  let `default` = x * 2 // ERROR 7: the variable '`default`' is named like a keyword; rename it to differentiate this code
  return `default`
}
