@Differentiable
func fib(_ x: Double, _ n: Int) -> Double {
  guard n > 1 else { return n == 0 ? x : x * x }
  return fib(x, n - 1) * x + sin(fib(x, n - 2))
}
