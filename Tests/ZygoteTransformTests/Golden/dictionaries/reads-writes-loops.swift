@Differentiable
func table(_ d: [String: Double], _ x: Double) -> Double {
  var copy = d
  copy["z"] = copy["a"]! * x
  var s = copy["b", default: 0]
  for (key, value) in copy where key != "skip" {
    s += value * value
  }
  return s
}
