// Fits a damped oscillation y = a·exp(-k·t)·cos(ω·t + φ) to noisy samples, with the model's
// parameters in a struct and the data in plain `[Double]` arrays:
//
//     swift run curve-fit
//
// The gradient is taken with respect to the struct (`Model.Tangent`); the loss uses `zip`,
// `map` and `reduce` with closures that capture the model, and the update is a `mutating`
// method. It exits with status 1 if the fit misses the true parameters, so the tests run it.
import Zygote
#if canImport(Glibc)
import Glibc
#endif

@DifferentiableStruct
struct Oscillation {
  var amplitude: Double
  var decay: Double
  var frequency: Double
  var phase: Double

  @Differentiable
  func callAsFunction(_ t: Double) -> Double {
    amplitude * exp(-decay * t) * cos(frequency * t + phase)
  }

  /// One gradient-descent step: the struct updates itself from its own tangent.
  mutating func descend(along gradient: Tangent, rate: Double) {
    amplitude -= rate * gradient.amplitude
    decay -= rate * gradient.decay
    frequency -= rate * gradient.frequency
    phase -= rate * gradient.phase
  }
}

@Differentiable
func meanSquaredError(_ model: Oscillation, _ times: [Double], _ values: [Double]) -> Double {
  let residuals = zip(times, values).map { t, y in model(t) - y }
  return residuals.map { $0 * $0 }.reduce(0, +) / Double(times.count)
}

/// Deterministic noise, so that the run is the same on every machine.
func noise(_ i: Int) -> Double {
  let x = sin(Double(i) * 12.9898) * 43758.5453
  return (x - x.rounded(.down)) - 0.5
}

let truth = Oscillation(amplitude: 2.0, decay: 0.3, frequency: 2.5, phase: 0.4)
let times = (0..<120).map { Double($0) * 0.05 }
let values = times.enumerated().map { i, t in truth(t) + 0.02 * noise(i) }

var model = Oscillation(amplitude: 1.0, decay: 0.1, frequency: 2.3, phase: 0.0)
let steps = 1000
for step in 0...steps {
  let (loss, gradient) = #valueWithGradient({ m in meanSquaredError(m, times, values) }, at: model)
  if step % 250 == 0 {
    print("step \(step): loss \(loss)")
  }
  model.descend(along: gradient, rate: 0.2)
}
print("fitted: amplitude \(model.amplitude), decay \(model.decay), frequency \(model.frequency), phase \(model.phase)")
print("truth:  amplitude \(truth.amplitude), decay \(truth.decay), frequency \(truth.frequency), phase \(truth.phase)")

let errors = [model.amplitude - truth.amplitude, model.decay - truth.decay, model.frequency - truth.frequency, model.phase - truth.phase]
if errors.allSatisfy({ abs($0) < 0.05 }) {
  print("fit: ok (every parameter within 0.05 of the truth)")
} else {
  print("fit: FAILED")
  exit(1)
}
