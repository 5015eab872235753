// Linear regression with implicit parameters, in the style of Zygote's third README example:
// the parameters are tensors held in variables, the loss reads them where it likes, and
// `#gradient(Params([W, b])) { loss }` returns their gradients, looked up by parameter.
//
//     swift run linear-regression
//
// The data are synthetic: y = x·W* + b* + noise, with 3 features and 2 outputs. Plain gradient
// descent recovers W* and b* to about the noise level.
import Zygote

// MARK: Synthetic data

let trueWeight = Tensor<Double>(shape: [3, 2], scalars: [2.0, -1.0, -3.4, 0.5, 0.7, 1.5])
let trueBias = Tensor<Double>([4.2, -0.8])
let sampleCount = 200
let x = Tensor<Double>.randomNormal(shape: [sampleCount, 3], seed: 1)
let noise = Tensor<Double>.randomNormal(shape: [sampleCount, 2], standardDeviation: 0.01, seed: 2)
let y = matmul(x, trueWeight) + trueBias + noise

// MARK: Parameters and training

var W = Tensor<Double>.zeros(shape: [3, 2])
var b = Tensor<Double>.zeros(shape: [2])
var optimizer = SGD(learningRate: 0.1)

/// `value` with `digits` digits after the point.
func format(_ value: Double, digits: Int = 4) -> String {
  var scale = 1
  for _ in 0..<digits { scale *= 10 }
  let scaled = Int((abs(value) * Double(scale)).rounded())
  let fraction = String(scaled % scale)
  let sign = value < 0 && scaled != 0 ? "-" : ""
  return sign + String(scaled / scale) + "." + String(repeating: "0", count: digits - fraction.count) + fraction
}

func format(_ tensor: Tensor<Double>) -> String {
  "[" + tensor.scalars.map { format($0) }.joined(separator: ", ") + "]"
}

print("step  loss")
for step in 0...300 {
  if step % 50 == 0 {
    let loss = meanSquaredError(predicted: matmul(x, W) + b, expected: y)
    print(String(step).leftPadded(4), "", format(loss, digits: 6))
  }
  // The closure reads W and b as free variables: their gradients are collected by identity.
  let g = #gradient(Params([W, b])) {
    meanSquaredError(predicted: matmul(x, W) + b, expected: y)
  }
  // g[W] and g[b] are the gradients. SGD does the seed's `W -= 0.1 * g[W]!` in place, so W keeps
  // its identity (what Params records) from step to step.
  optimizer.update(&W, along: g)
  optimizer.update(&b, along: g)
}

print("(the noise has variance 0.0001: no fit can do better)")
print()
print("          fitted                      true")
for row in 0..<3 {
  print("W[\(row)]   ", format(W[row]).padding(28), format(trueWeight[row]))
}
print("b      ", format(b).padding(28), format(trueBias))

extension String {
  /// This string followed by spaces up to `width` characters.
  func padding(_ width: Int) -> String {
    self + String(repeating: " ", count: Swift.max(0, width - count))
  }

  /// Spaces up to `width` characters, then this string.
  func leftPadded(_ width: Int) -> String {
    String(repeating: " ", count: Swift.max(0, width - count)) + self
  }
}
