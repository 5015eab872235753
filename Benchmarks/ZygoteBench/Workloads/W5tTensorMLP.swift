// W5t, W5's MLP on `Tensor<Double>` with a batch of 256: input 64, hidden 32 (tanh), output 10,
// mean softmax cross-entropy against one-hot labels. x is [256, 64], w1 [64, 32], b1 [32],
// w2 [32, 10], b2 [10]; the gradient is in all weights and biases, flattened as w1, b1, w2, b2
// (2,410 components).

import Zygote

enum W5t {
  static let batch = 256

  /// The model, the batch and its one-hot labels.
  final class State {
    let model: TensorMLP
    /// `[batch, 64]`
    let x: Tensor<Double>
    /// One-hot rows, `[batch, 10]`.
    let labels: Tensor<Double>

    init(model: TensorMLP, x: Tensor<Double>, labels: Tensor<Double>) {
      self.model = model
      self.x = x
      self.labels = labels
    }
  }

  /// The gradient written by a person with Tensor ops.
  struct HandGradient {
    var w1: Tensor<Double>
    var b1: Tensor<Double>
    var w2: Tensor<Double>
    var b2: Tensor<Double>

    var flattened: [Double] { w1.scalars + b1.scalars + w2.scalars + b2.scalars }
  }

  /// The loss, no gradient.
  static func forward(_ m: TensorMLP, _ x: Tensor<Double>, _ labels: Tensor<Double>) -> Double {
    let h = tanh(matmul(x, m.w1) + m.b1)
    return crossEntropy(logits: matmul(h, m.w2) + m.b2, labels: labels)
  }

  /// Reverse mode by hand: dz = (softmax(z) − labels) / batch, then back through the layers.
  static func handWritten(_ m: TensorMLP, _ x: Tensor<Double>, _ labels: Tensor<Double>) -> HandGradient {
    let h = tanh(matmul(x, m.w1) + m.b1)
    let z = matmul(h, m.w2) + m.b2
    let dz = (softmax(z) - labels) / Double(x.shape[0])
    let dh = matmul(dz, m.w2.transposed())
    let da = dh * (1 - h * h)
    return HandGradient(
      w1: matmul(x.transposed(), da), b1: da.sum(alongAxis: 0).reshaped(to: [W5.hidden]),
      w2: matmul(h.transposed(), dz), b2: dz.sum(alongAxis: 0).reshaped(to: [W5.outputs]))
  }

  static func make() -> Workload {
    var random = SeededGenerator(seed: 55)
    let scale1 = 1 / Double(W5.inputs).squareRoot()
    let scale2 = 1 / Double(W5.hidden).squareRoot()
    let model = TensorMLP(
      w1: Tensor(shape: [W5.inputs, W5.hidden], scalars: random.array(W5.inputs * W5.hidden, in: -scale1...scale1)),
      b1: Tensor(shape: [W5.hidden], scalars: random.array(W5.hidden, in: -0.1...0.1)),
      w2: Tensor(shape: [W5.hidden, W5.outputs], scalars: random.array(W5.hidden * W5.outputs, in: -scale2...scale2)),
      b2: Tensor(shape: [W5.outputs], scalars: random.array(W5.outputs, in: -0.1...0.1)))
    let x = Tensor(shape: [batch, W5.inputs], scalars: random.array(batch * W5.inputs, in: opaque(-1.0)...1))
    var oneHot = [Double](repeating: 0, count: batch * W5.outputs)
    for row in 0..<batch { oneHot[row * W5.outputs + Int(random.next() % UInt64(W5.outputs))] = 1 }
    let state = State(model: model, x: x, labels: Tensor(shape: [batch, W5.outputs], scalars: oneHot))
    return Workload(
      name: "W5t", title: "MLP 64-32-10 on Tensor, batch 256",
      forward: { forward(state.model, state.x, state.labels) },
      handWritten: Gradient(
        value: { handWritten(state.model, state.x, state.labels).flattened },
        call: { handWritten(state.model, state.x, state.labels).b2.withUnsafeBufferPointer { $0[0] } }),
      ours: Ours.w5t(state),
      swiftAD: nil,
      swiftADNote:
        "no _Differentiation variant: Tensor is not a _Differentiation type, and the same model with [Double] and explicit loops over a batch of 256 would take seconds per call (its array pullbacks are quadratic; see W5)")
  }
}
