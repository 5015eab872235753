import Zygote

/// The mean squared error of a small model on four points. The only annotated function: the
/// helpers it calls (`predict`, `activation`, `Penalty.of`) carry no annotation, and ZygotePlugin
/// generates their pullbacks at build time.
@Differentiable
public func loss(_ w: Double, _ b: Double) -> Double {
  var total = 0.0
  for i in 0..<4 {
    let x = Double(i) * 0.5
    let error = predict(w, b, x) - target(x)
    total += error * error
  }
  return total / 4 + Penalty.of(w)
}

/// The data: not differentiated (it reads no differentiated value).
func target(_ x: Double) -> Double { 0.8 * x - 0.3 }
