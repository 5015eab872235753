{
  if let _ad_recorder = _takePullbackRecorder(for: "outer") {
    let _ad_rule = _vjp(outer: x)
    _ad_recorder.pullback = _ad_rule.pullback
    return _ad_rule.value
  }
  func _ad_body() -> Double {
#sourceLocation(file: "case.swift", line: 4)
                 
  func square(_ y: Double) -> Double { y * y }
  return square(x) + square(2 * x)
#sourceLocation()
  }
  return _ad_body()
}
