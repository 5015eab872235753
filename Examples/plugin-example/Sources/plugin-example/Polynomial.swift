// Unannotated functions in the executable target, reached from the `#valueWithGradient` closure in
// main.swift: a loop and a recursion, which the plugin differentiates like @Differentiable would.

/// `c0 + c1 x + c2 x² + c3 x³` by Horner's rule: a loop that reassigns `s`.
func horner(_ x: Double) -> Double {
  let coefficients = [0.5, -1.0, 2.0, 0.25]
  var s = 0.0
  for c in coefficients.reversed() {
    s = s * x + c
  }
  return s
}

/// `x^n` by recursion.
func power(_ x: Double, _ n: Int) -> Double {
  n == 0 ? 1 : x * power(x, n - 1)
}
