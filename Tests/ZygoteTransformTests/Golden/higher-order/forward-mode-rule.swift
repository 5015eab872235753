@Differentiable
func nestedInside<T: ElementaryFloatingPoint>(_ x: T) -> T {
  x * #derivative({ y in x * y }, at: T(1))
}
