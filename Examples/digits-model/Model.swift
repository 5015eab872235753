// The digits example's model: a multi-layer perceptron as nested `@DifferentiableStruct`s whose
// layers are applied with `callAsFunction`. Its gradient is the model's own `Tangent`, with
// respect to `self`, and an optimiser updates it in place through the `Trainable` key paths.
// Shared by Examples/digits-mlp and the tests.
import Zygote

/// A fully connected layer, `x·weight + bias`.
@DifferentiableStruct
public struct Dense {
  /// `[inputs, outputs]`
  public var weight: Tensor<Float>
  /// `[outputs]`
  public var bias: Tensor<Float>

  /// The layer applied to a batch `x` of shape `[batch, inputs]`: `[batch, outputs]`.
  @Differentiable
  public func callAsFunction(_ x: Tensor<Float>) -> Tensor<Float> {
    matmul(x, weight) + bias
  }
}

extension Dense {
  /// Glorot-uniform weights and zero biases.
  public init(inputs: Int, outputs: Int, seed: UInt64) {
    self.init(weight: .glorotUniform(shape: [inputs, outputs], seed: seed), bias: .zeros(shape: [outputs]))
  }
}

/// 64 pixels → `hidden` ReLU units → 10 class scores (logits).
@DifferentiableStruct
public struct MLP {
  /// The hidden layer.
  public var hidden: Dense
  /// The output layer.
  public var output: Dense

  /// The class scores of a batch of images `x` (`[batch, 64]`): `[batch, 10]`.
  @Differentiable
  public func callAsFunction(_ x: Tensor<Float>) -> Tensor<Float> {
    output(relu(hidden(x)))
  }
}

extension MLP {
  /// A model with `hidden` hidden units, its weights drawn from `seed`.
  public init(hidden: Int, seed: UInt64) {
    self.init(hidden: Dense(inputs: 64, outputs: hidden, seed: seed &+ 1), output: Dense(inputs: hidden, outputs: 10, seed: seed &+ 2))
  }
}

// The optimiser finds the tensors through these key paths; the Tangent has the same property
// names as the model, so each path is written twice.
extension Dense: Trainable {
  /// The weight and the bias.
  public static var trainableParameters: [TrainableParameter<Dense>] {
    [.tensor(\.weight, \.weight), .tensor(\.bias, \.bias)]
  }
}

extension MLP: Trainable {
  /// Both layers' parameters.
  public static var trainableParameters: [TrainableParameter<MLP>] {
    [.nested(\.hidden, \.hidden), .nested(\.output, \.output)]
  }
}

/// The mean cross-entropy of the model on a batch, against one-hot labels `y` (`[batch, 10]`).
@Differentiable
public func loss(_ model: MLP, _ x: Tensor<Float>, _ y: Tensor<Float>) -> Float {
  crossEntropy(logits: model(x), labels: y)
}

/// The fraction of rows of `x` whose largest logit is at their label.
public func accuracy(_ model: MLP, _ x: Tensor<Float>, _ labels: [Int]) -> Double {
  let scores = model(x)
  let classes = scores.shape[1]
  return scores.withUnsafeBufferPointer { s in
    var correct = 0
    for (row, label) in labels.enumerated() {
      var best = 0
      for c in 1..<classes where s[row * classes + c] > s[row * classes + best] { best = c }
      if best == label { correct += 1 }
    }
    return Double(correct) / Double(labels.count)
  }
}
