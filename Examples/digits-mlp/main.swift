// A multi-layer perceptron (Examples/digits-model) trained on the 8x8 handwritten digits (1,797 images, the copy of the UCI
// "Optical Recognition of Handwritten Digits" test set that scikit-learn ships; see
// DATA-LICENSE.md), with explicit parameters: the model is a struct of tensors, its gradient is a
// `MLP.Tangent` from `#valueWithGradient({ m in loss(m, x, y) }, at: model)`, and an optimiser
// updates the model in place from it.
//
//     swift run -c release digits-mlp [--optimizer adam|momentum|sgd] [--epochs N] [--seed N] [PATH]
//
// PATH is where the loss curve is written as SVG: a file ending in .svg, or a directory
// (default: the current directory), which gets digits-mlp-loss.svg.
import DigitsModel
import Zygote

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// MARK: - Command line

/// Prints `message` on standard error and exits with status 1.
func fail(_ message: String) -> Never {
  let line = "digits-mlp: \(message)\n"
  _ = line.withCString { write(2, $0, strlen($0)) }
  exit(1)
}

var optimizerName = "adam"
var epochs = 30
var seed: UInt64 = 1
var outputPath = "."
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
  switch argument {
  case "--optimizer": optimizerName = arguments.popFirst() ?? ""
  case "--epochs": epochs = arguments.popFirst().flatMap { Int($0) } ?? 0
  case "--seed":
    guard let value = arguments.popFirst().flatMap({ UInt64($0) }) else { fail("--seed needs a number") }
    seed = value
  case "-h", "--help":
    print("usage: digits-mlp [--optimizer adam|momentum|sgd] [--epochs N] [--seed N] [PATH]")
    exit(0)
  default: outputPath = argument
  }
}
guard epochs > 0 else { fail("--epochs needs a positive number") }
if !outputPath.hasSuffix(".svg") { outputPath += (outputPath.hasSuffix("/") ? "" : "/") + "digits-mlp-loss.svg" }

let hiddenUnits = 128
let batchSize = 32
var optimizer: any Optimizer
switch optimizerName {
case "adam": optimizer = Adam(learningRate: 0.005)
case "momentum": optimizer = Momentum(learningRate: 0.05, momentum: 0.9)
case "sgd": optimizer = SGD(learningRate: 0.2)
default: fail("unknown optimizer '\(optimizerName)' (adam, momentum or sgd)")
}

// MARK: - Training

/// Seconds on a monotonic clock.
func now() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_MONOTONIC, &time)
  return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// `value` with `digits` digits after the point.
func fixed(_ value: Double, _ digits: Int) -> String {
  var scale = 1.0
  for _ in 0..<digits { scale *= 10 }
  let scaled = Int((abs(value) * scale).rounded())
  let whole = String(scaled / Int(scale))
  let fraction = String(scaled % Int(scale))
  let sign = value < 0 && scaled != 0 ? "-" : ""
  return digits == 0 ? sign + whole : sign + whole + "." + String(repeating: "0", count: digits - fraction.count) + fraction
}

let dataPath = String(#filePath.dropLast("main.swift".count)) + "digits.u8"
let digits: Digits
do {
  digits = try Digits(contentsOf: dataPath)
} catch {
  fail("\(error)")
}

// A shuffle with a fixed seed (the same split whatever --seed says), then the last 20% held out
// for testing.
var splitGenerator = SeededRandomGenerator(seed: 2024)
let order = Array(0..<digits.count).shuffled(using: &splitGenerator)
let testCount = digits.count / 5
let trainIndices = Array(order.dropLast(testCount))
let testIndices = Array(order.suffix(testCount))
let train = digits.batch(trainIndices)
let test = digits.batch(testIndices)
print(
  "digits: \(digits.count) images of 8x8 pixels, \(trainIndices.count) for training, \(testIndices.count) held out; "
    + "MLP 64-\(hiddenUnits)-10, \(optimizerName), batches of \(batchSize)")

var model = MLP(hidden: hiddenUnits, seed: seed)
var stepLosses: [Double] = []
var epochLosses: [Double] = []
var trainOrder = trainIndices
var generator = SeededRandomGenerator(seed: seed)  // the order of the training examples
let start = now()
for epoch in 1...epochs {
  trainOrder.shuffle(using: &generator)
  var total = 0.0
  var batches = 0
  for first in stride(from: 0, to: trainOrder.count, by: batchSize) {
    let batch = digits.batch(trainOrder[first..<min(first + batchSize, trainOrder.count)])
    let (batchLoss, gradient) = #valueWithGradient({ m in loss(m, batch.x, batch.y) }, at: model)
    optimizer.update(&model, along: gradient)
    stepLosses.append(Double(batchLoss))
    total += Double(batchLoss)
    batches += 1
  }
  epochLosses.append(total / Double(batches))
  let trainAccuracy = accuracy(model, train.x, train.labels)
  let testAccuracy = accuracy(model, test.x, test.labels)
  print(
    "epoch \(String(epoch).leftPadded(3))  loss \(fixed(epochLosses.last!, 4))  "
      + "train \(fixed(100 * trainAccuracy, 1).leftPadded(5))%  test \(fixed(100 * testAccuracy, 1).leftPadded(5))%  "
      + "\(fixed(now() - start, 2)) s")
}
let finalTestAccuracy = accuracy(model, test.x, test.labels)
print("test accuracy \(fixed(100 * finalTestAccuracy, 1))% after \(epochs) epochs, \(fixed(now() - start, 2)) s")

// MARK: - The loss curve

/// The loss of every batch (thin) and the mean of every epoch (thick) as an SVG line chart.
func lossCurveSVG(steps: [Double], epochs: [Double], stepsPerEpoch: Int, title: String) -> String {
  let width = 720.0, height = 420.0
  let left = 60.0, right = 20.0, top = 40.0, bottom = 50.0
  let plotWidth = width - left - right, plotHeight = height - top - bottom
  // The loss axis runs from 0 to the largest loss rounded up to a multiple of 0.5.
  let yMax = max(0.5, ((steps.max() ?? 1) / 0.5).rounded(.up) * 0.5)
  let xMax = Double(max(1, steps.count))
  func px(_ step: Double) -> Double { left + plotWidth * step / xMax }
  func py(_ loss: Double) -> Double { top + plotHeight * (1 - min(loss, yMax) / yMax) }
  func point(_ x: Double, _ y: Double) -> String { "\(fixed(x, 1)),\(fixed(y, 1))" }

  var svg = """
    <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" \
    viewBox="0 0 \(Int(width)) \(Int(height))" font-family="sans-serif" font-size="12">
    <rect width="100%" height="100%" fill="white"/>
    <text x="\(fixed(width / 2, 1))" y="22" text-anchor="middle" font-size="15">\(title)</text>

    """
  // Horizontal grid lines and the loss axis.
  for i in 0...5 {
    let loss = yMax * Double(i) / 5
    let y = py(loss)
    svg += "<line x1=\"\(fixed(left, 1))\" y1=\"\(fixed(y, 1))\" x2=\"\(fixed(width - right, 1))\" y2=\"\(fixed(y, 1))\" stroke=\"#e4e4e4\"/>\n"
    svg += "<text x=\"\(fixed(left - 6, 1))\" y=\"\(fixed(y + 4, 1))\" text-anchor=\"end\">\(fixed(loss, 1))</text>\n"
  }
  // Epoch ticks on the step axis.
  let epochCount = epochs.count
  let every = max(1, epochCount / 10)
  for epoch in stride(from: 0, through: epochCount, by: every) {
    let x = px(Double(epoch * stepsPerEpoch))
    svg += "<line x1=\"\(fixed(x, 1))\" y1=\"\(fixed(height - bottom, 1))\" x2=\"\(fixed(x, 1))\" y2=\"\(fixed(height - bottom + 5, 1))\" stroke=\"black\"/>\n"
    svg += "<text x=\"\(fixed(x, 1))\" y=\"\(fixed(height - bottom + 18, 1))\" text-anchor=\"middle\">\(epoch)</text>\n"
  }
  svg += "<line x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(height - bottom)\" stroke=\"black\"/>\n"
  svg += "<line x1=\"\(left)\" y1=\"\(height - bottom)\" x2=\"\(width - right)\" y2=\"\(height - bottom)\" stroke=\"black\"/>\n"
  svg += "<text x=\"\(fixed(left + plotWidth / 2, 1))\" y=\"\(fixed(height - 12, 1))\" text-anchor=\"middle\">epoch</text>\n"
  svg += "<text x=\"16\" y=\"\(fixed(top + plotHeight / 2, 1))\" text-anchor=\"middle\" "
  svg += "transform=\"rotate(-90 16 \(fixed(top + plotHeight / 2, 1)))\">cross-entropy loss</text>\n"
  // The curves.
  let stepPoints = steps.enumerated().map { point(px(Double($0.offset) + 0.5), py($0.element)) }
  svg += "<polyline fill=\"none\" stroke=\"#9ecae1\" stroke-width=\"1\" points=\"\(stepPoints.joined(separator: " "))\"/>\n"
  let epochPoints = epochs.enumerated().map { point(px((Double($0.offset) + 0.5) * Double(stepsPerEpoch)), py($0.element)) }
  svg += "<polyline fill=\"none\" stroke=\"#08519c\" stroke-width=\"2.5\" points=\"\(epochPoints.joined(separator: " "))\"/>\n"
  // The legend.
  let legendX = width - right - 170
  svg += "<line x1=\"\(legendX)\" y1=\"\(top + 10)\" x2=\"\(legendX + 24)\" y2=\"\(top + 10)\" stroke=\"#9ecae1\"/>\n"
  svg += "<text x=\"\(legendX + 30)\" y=\"\(top + 14)\">batch loss</text>\n"
  svg += "<line x1=\"\(legendX)\" y1=\"\(top + 28)\" x2=\"\(legendX + 24)\" y2=\"\(top + 28)\" stroke=\"#08519c\" stroke-width=\"2.5\"/>\n"
  svg += "<text x=\"\(legendX + 30)\" y=\"\(top + 32)\">mean loss of the epoch</text>\n"
  svg += "</svg>\n"
  return svg
}

let stepsPerEpoch = (trainIndices.count + batchSize - 1) / batchSize
let svg = lossCurveSVG(
  steps: stepLosses, epochs: epochLosses, stepsPerEpoch: stepsPerEpoch,
  title: "digits-mlp: \(optimizerName), test accuracy \(fixed(100 * finalTestAccuracy, 1))%")
guard let file = fopen(outputPath, "w") else { fail("cannot write \(outputPath)") }
fputs(svg, file)
fclose(file)
print("loss curve written to \(outputPath)")

extension String {
  /// Spaces up to `width` characters, then this string.
  func leftPadded(_ width: Int) -> String {
    String(repeating: " ", count: Swift.max(0, width - count)) + self
  }
}
