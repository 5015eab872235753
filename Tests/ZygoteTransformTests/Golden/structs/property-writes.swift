@Differentiable
func moved(_ p: Point, _ dx: Double) -> Double {
  var q = p
  q.x += dx
  q.y = q.y * 2
  return norm2(q)
}
