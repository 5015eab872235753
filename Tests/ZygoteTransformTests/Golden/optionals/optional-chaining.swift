@Differentiable
func chained(_ x: Double?, _ p: Point?) -> Double {
  let root = x?.squareRoot()
  return (root ?? 0) + (p?.x ?? 1) * makePoint(x ?? 0).y
}
