{
  if let _ad_recorder = _takePullbackRecorder(for: "power") {
    let _ad_rule = _vjp(power: x, n)
    _ad_recorder.pullback = _ad_rule.pullback
    return _ad_rule.value
  }
  func power(_ x: T, times n: Int = 3) -> T {
#sourceLocation(file: "case.swift", line: 4)
  if n == 0 { return 1 }
  return x * power(x, times: n - 1)
#sourceLocation()
  }
  return power(x, times: n)
}
