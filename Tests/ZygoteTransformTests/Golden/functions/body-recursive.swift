// role: body
@Differentiable
func power<T: BinaryFloatingPoint>(_ x: T, times n: Int = 3) -> T where T: Sendable {
  if n == 0 { return 1 }
  return x * power(x, times: n - 1)
}
