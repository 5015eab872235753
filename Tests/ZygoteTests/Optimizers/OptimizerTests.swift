// Optimisers: each update equals its formula on small hand-computed examples (Double and Float),
// state is kept per key, the three ways of applying an optimiser (keyed tensor, Params/Grads, a
// Trainable model) agree, and each optimiser minimises an ill-conditioned quadratic.

import XCTest
import Zygote

/// `Σ a·(x − c)²`: minimum 0 at `x = c`.
@Differentiable
func optimizerTestQuadratic(_ x: Tensor<Double>, _ a: Tensor<Double>, _ c: Tensor<Double>) -> Double {
  let d = x - c
  return (a * d * d).sum()
}

@DifferentiableStruct
struct OptimizerTestLayer {
  var weight: Tensor<Double>
  var bias: Tensor<Double>
}

@DifferentiableStruct
struct OptimizerTestModel {
  var layer: OptimizerTestLayer
  var scale: Tensor<Float>
  var frozen: Tensor<Double>
  var name: String
}

extension OptimizerTestLayer: Trainable {
  static var trainableParameters: [TrainableParameter<OptimizerTestLayer>] {
    [.tensor(\.weight, \.weight), .tensor(\.bias, \.bias)]
  }
}

extension OptimizerTestModel: Trainable {
  // `frozen` is left out: the optimiser must not touch it.
  static var trainableParameters: [TrainableParameter<OptimizerTestModel>] {
    [.nested(\.layer, \.layer), .tensor(\.scale, \.scale)]
  }
}

/// `loss = Σ (x·weight + bias) + Σ frozen`, for the model tests (`scale` is not used).
@Differentiable
func optimizerTestLoss(_ m: OptimizerTestModel, _ x: Tensor<Double>) -> Double {
  let y = matmul(x, m.layer.weight) + m.layer.bias
  return y.sum() + m.frozen.sum()
}

final class OptimizerTests: XCTestCase {
  // MARK: Formulas on hand-computed examples

  /// θ ← θ − η·g
  func testSGDFormula() {
    var sgd = SGD(learningRate: 0.1)
    var theta = Tensor<Double>([1, -2, 3])
    let id = theta.parameterID
    sgd.update(&theta, along: Tensor([0.5, 0.5, -1]), key: "theta")
    assertClose(theta, [0.95, -2.05, 3.1], accuracy: 1e-15)
    XCTAssertEqual(theta.parameterID, id, "updates happen in place")

    var thetaF = Tensor<Float>(shape: [2, 2], scalars: [1, 2, 3, 4])
    sgd.update(&thetaF, along: Tensor(shape: [2, 2], scalars: [10, 0, -10, 1]))
    XCTAssertEqual(thetaF.shape, [2, 2])
    assertClose(thetaF, [0, 2, 4, 3.9], accuracy: 1e-6)
  }

  /// v ← ρ·v − η·g, θ ← θ + v; two steps.
  func testMomentumFormula() {
    var momentum = Momentum(learningRate: 0.1, momentum: 0.9)
    var theta = Tensor<Double>([1, -2])
    XCTAssertNil(momentum.velocity(forKey: "theta", as: Double.self))
    // v₁ = −0.1·[1, −1] = [−0.1, 0.1]; θ₁ = [0.9, −1.9]
    momentum.update(&theta, along: Tensor([1, -1]), key: "theta")
    assertClose(theta, [0.9, -1.9], accuracy: 1e-15)
    assertClose(momentum.velocity(forKey: "theta", as: Double.self)!, [-0.1, 0.1], accuracy: 1e-15)
    // v₂ = 0.9·[−0.1, 0.1] − 0.1·[0.5, 2] = [−0.14, −0.11]; θ₂ = [0.76, −2.01]
    momentum.update(&theta, along: Tensor([0.5, 2]), key: "theta")
    assertClose(theta, [0.76, -2.01], accuracy: 1e-15)
    assertClose(momentum.velocity(forKey: "theta", as: Double.self)!, [-0.14, -0.11], accuracy: 1e-15)

    var thetaF = Tensor<Float>([1, -2])
    momentum.update(&thetaF, along: Tensor([1, -1]), key: "float")
    momentum.update(&thetaF, along: Tensor([0.5, 2]), key: "float")
    assertClose(thetaF, [0.76, -2.01], accuracy: 1e-6)
  }

  /// With ρ = 0, momentum is plain gradient descent.
  func testMomentumWithoutMomentumIsSGD() {
    var momentum = Momentum(learningRate: 0.3, momentum: 0)
    var sgd = SGD(learningRate: 0.3)
    var a = Tensor<Double>([1, 2, 3])
    var b = a
    for g in [Tensor<Double>([1, 0, -1]), Tensor([0.5, 0.5, 0.5]), Tensor([-2, 1, 0])] {
      momentum.update(&a, along: g, key: 0)
      sgd.update(&b, along: g, key: 0)
    }
    assertClose(a, b.scalars, accuracy: 1e-15)
  }

  /// m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², θ ← θ − η·m̂/(√v̂ + ε); two steps. The first moves
  /// each component by η against the sign of its gradient.
  func testAdamFormula() {
    var adam = Adam(learningRate: 0.1)
    XCTAssertEqual(adam.beta1, 0.9)
    XCTAssertEqual(adam.beta2, 0.999)
    XCTAssertEqual(adam.epsilon, 1e-8)
    var theta = Tensor<Double>([1, -2])
    adam.update(&theta, along: Tensor([0.5, -4]), key: "theta")
    // m̂ = g, v̂ = g²: θ₁ = θ₀ − 0.1·g/(|g| + 1e-8)
    assertClose(theta, [1 - 0.1 * 0.5 / (0.5 + 1e-8), -2 + 0.1 * 4 / (4 + 1e-8)], accuracy: 1e-15)
    XCTAssertEqual(adam.stepCount(forKey: "theta"), 1)
    let (m1, v1) = adam.moments(forKey: "theta", as: Double.self)!
    assertClose(m1, [0.05, -0.4], accuracy: 1e-15)
    assertClose(v1, [0.00025, 0.016], accuracy: 1e-15)

    // m₂ = [0.145, −0.36], v₂ = [0.00124975, 0.015984], m̂ = m₂/0.19, v̂ = v₂/0.001999
    adam.update(&theta, along: Tensor([1, 0]), key: "theta")
    XCTAssertEqual(adam.stepCount(forKey: "theta"), 2)
    let (m2, v2) = adam.moments(forKey: "theta", as: Double.self)!
    assertClose(m2, [0.145, -0.36], accuracy: 1e-15)
    assertClose(v2, [0.00124975, 0.015984], accuracy: 1e-15)
    let expected = [
      0.900000002 - 0.1 * (0.145 / 0.19) / ((0.00124975 / 0.001999).squareRoot() + 1e-8),
      -1.90000000025 - 0.1 * (-0.36 / 0.19) / ((0.015984 / 0.001999).squareRoot() + 1e-8),
    ]
    assertClose(theta, expected, accuracy: 1e-12)
    assertClose(theta, [0.8034818006385094, -1.8329941750733068], accuracy: 1e-12)  // computed independently

    var thetaF = Tensor<Float>([1, -2])
    adam.update(&thetaF, along: Tensor([0.5, -4]), key: "float")
    adam.update(&thetaF, along: Tensor([1, 0]), key: "float")
    assertClose(thetaF, [0.8034818006385094, -1.8329941750733068], accuracy: 1e-5)
  }

  /// Adam's step count is per key: a parameter first updated late gets the first step's bias
  /// correction.
  func testAdamStateIsPerKey() {
    var adam = Adam(learningRate: 0.1)
    var a = Tensor<Double>([1])
    var b = Tensor<Double>([1])
    for _ in 0..<5 { adam.update(&a, along: Tensor([2]), key: "a") }
    adam.update(&b, along: Tensor([3]), key: "b")
    XCTAssertEqual(adam.stepCount(forKey: "a"), 5)
    XCTAssertEqual(adam.stepCount(forKey: "b"), 1)
    XCTAssertEqual(adam.stepCount(forKey: "c"), 0)
    assertClose(b, [1 - 0.1 * 3 / (3 + 1e-8)], accuracy: 1e-15)
  }

  // MARK: Keys: identity, Params and Grads

  /// Without a key, the state is kept under the tensor's identity, which the update preserves.
  func testIdentityKeyedUpdates() {
    var momentum = Momentum(learningRate: 0.1, momentum: 0.9)
    var x = Tensor<Double>([1, -2])
    let id = x.parameterID
    momentum.update(&x, along: Tensor([1, -1]))
    momentum.update(&x, along: Tensor([0.5, 2]))
    XCTAssertEqual(x.parameterID, id)
    assertClose(x, [0.76, -2.01], accuracy: 1e-15)
    XCTAssertNotNil(momentum.velocity(forKey: id, as: Double.self))
  }

  /// `update(&W, along: grads)` looks up the parameter's gradient, and does nothing when it has
  /// none.
  func testUpdateFromGrads() {
    var W = Tensor<Double>([1, 2, 3])
    var unused = Tensor<Double>([5])
    let params = Params([W, unused])
    // mean(W²): gradient 2W/3. (Spelt with a call: `(W * W).sum()` gets no gradient from the
    // transform today, an expression of free variables and operators only being taken as inactive.)
    let g = #gradient(params) { meanSquaredError(predicted: W, expected: Tensor([0, 0, 0])) }
    XCTAssertNil(g[unused])
    var sgd = SGD(learningRate: 0.75)
    sgd.update(&W, along: g)
    sgd.update(&unused, along: g)
    assertClose(W, [0.5, 1, 1.5], accuracy: 1e-15)
    XCTAssertEqual(unused, Tensor([5]))
    XCTAssertTrue(params.contains(W), "the update keeps W's identity")
  }

  /// The seed's style of linear regression: `#gradient(Params([W, b])) { loss }` and an optimiser
  /// updating the parameters in place recover the true weights.
  func testLinearRegressionWithParams() {
    let trueW = Tensor<Double>(shape: [2, 1], scalars: [2, -3])
    let x = Tensor<Double>.randomNormal(shape: [50, 2], seed: 7)
    let y = matmul(x, trueW) + 0.5
    var W = Tensor<Double>.zeros(shape: [2, 1])
    var b = Tensor<Double>.zeros(shape: [1])
    let params = Params([W, b])
    var momentum = Momentum(learningRate: 0.05, momentum: 0.8)
    for _ in 0..<200 {
      let g = #gradient(params) { meanSquaredError(predicted: matmul(x, W) + b, expected: y) }
      momentum.update(&W, along: g)
      momentum.update(&b, along: g)
    }
    assertClose(W, [2, -3], accuracy: 1e-4)
    assertClose(b, [0.5], accuracy: 1e-4)
  }

  // MARK: Models: Trainable

  private func makeModel() -> OptimizerTestModel {
    OptimizerTestModel(
      layer: OptimizerTestLayer(
        weight: Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6]), bias: Tensor([0.5, -0.5, 0])),
      scale: Tensor([2]), frozen: Tensor([7, 8]), name: "m")
  }

  private func makeTangent(_ k: Double) -> OptimizerTestModel.Tangent {
    OptimizerTestModel.Tangent(
      layer: OptimizerTestLayer.Tangent(
        weight: Tensor(shape: [2, 3], scalars: [1, -1, 2, -2, 3, -3]) * k, bias: Tensor([1, 0, -1]) * k),
      scale: Tensor([Float(k)]), frozen: Tensor([1, 1]))
  }

  /// Updating the model equals updating each listed property with its own key; unlisted
  /// properties stay as they were; the state is kept under the properties' key paths.
  func testModelUpdateEqualsPerPropertyUpdates() {
    var model = makeModel()
    var byProperty = makeModel()
    var adam = Adam(learningRate: 0.01)
    var adamByProperty = Adam(learningRate: 0.01)
    for k in [1.0, -0.5, 2.0] {
      let g = makeTangent(k)
      adam.update(&model, along: g)
      adamByProperty.update(&byProperty.layer.weight, along: g.layer.weight, key: "w")
      adamByProperty.update(&byProperty.layer.bias, along: g.layer.bias, key: "b")
      adamByProperty.update(&byProperty.scale, along: g.scale, key: "s")
    }
    XCTAssertEqual(model.layer.weight, byProperty.layer.weight)
    XCTAssertEqual(model.layer.bias, byProperty.layer.bias)
    XCTAssertEqual(model.scale, byProperty.scale)
    XCTAssertNotEqual(model.layer.weight, makeModel().layer.weight)
    XCTAssertEqual(model.frozen, Tensor([7, 8]), "a property left out of trainableParameters is not updated")
    XCTAssertEqual(model.name, "m")
    XCTAssertEqual(adam.stepCount(forKey: \OptimizerTestModel.layer.weight), 3)
    XCTAssertEqual(adam.stepCount(forKey: \OptimizerTestModel.scale), 3)
    XCTAssertEqual(adam.stepCount(forKey: \OptimizerTestModel.frozen), 0)
  }

  /// The tensors of a model keep their identities through model updates.
  func testModelUpdateKeepsIdentities() {
    var model = makeModel()
    let id = model.layer.weight.parameterID
    var sgd = SGD(learningRate: 0.5)
    sgd.update(&model, along: makeTangent(1))
    XCTAssertEqual(model.layer.weight.parameterID, id)
    assertClose(model.layer.weight, [0.5, 2.5, 2, 5, 3.5, 7.5], accuracy: 1e-15)
    assertClose(model.layer.bias, [0, -0.5, 0.5], accuracy: 1e-15)
    assertClose(model.scale, [1.5], accuracy: 1e-7)
  }

  /// A model trained from the macro's gradient: the loss falls as the formula says for SGD.
  func testModelTrainsFromMacroGradient() {
    var model = makeModel()
    let x = Tensor<Double>(shape: [1, 2], scalars: [1, 1])
    let before = optimizerTestLoss(model, x)
    var sgd = SGD(learningRate: 0.1)
    let g = #gradient({ m in optimizerTestLoss(m, x) }, at: model)
    sgd.update(&model, along: g)
    // d loss/d weight = ones, d loss/d bias = ones: 9 entries each drop by 0.1.
    XCTAssertEqual(optimizerTestLoss(model, x), before - 0.1 * 9, accuracy: 1e-12)
  }

  // MARK: Minimising a quadratic

  /// Σ a·(x − c)² with a = [1, 10] (condition number 10), from x = 0.
  private func minimise(_ optimizer: some Optimizer, steps: Int) -> (x: Tensor<Double>, value: Double) {
    var optimizer = optimizer
    let a = Tensor<Double>([1, 10])
    let c = Tensor<Double>([3, -2])
    var x = Tensor<Double>.zeros(shape: [2])
    for _ in 0..<steps {
      let g = #gradient({ x in optimizerTestQuadratic(x, a, c) }, at: x)
      optimizer.update(&x, along: g)
    }
    return (x, optimizerTestQuadratic(x, a, c))
  }

  func testEachOptimizerMinimisesAQuadratic() {
    let start = optimizerTestQuadratic(Tensor([0, 0]), Tensor([1, 10]), Tensor([3, -2]))
    XCTAssertEqual(start, 49)
    let sgd = minimise(SGD(learningRate: 0.04), steps: 300)
    let momentum = minimise(Momentum(learningRate: 0.01, momentum: 0.9), steps: 300)
    let adam = minimise(Adam(learningRate: 0.1), steps: 500)
    for (name, result) in [("SGD", sgd), ("Momentum", momentum), ("Adam", adam)] {
      XCTAssertLessThan(result.value, 1e-6, "\(name): f = \(result.value) at \(result.x)")
      assertClose(result.x, [3, -2], accuracy: 1e-3, name)
    }
  }

  /// Momentum gets there in fewer steps than plain descent at the same step size on an
  /// ill-conditioned quadratic.
  func testMomentumAcceleratesDescent() {
    let sgd = minimise(SGD(learningRate: 0.01), steps: 100)
    let momentum = minimise(Momentum(learningRate: 0.01, momentum: 0.9), steps: 100)
    XCTAssertLessThan(momentum.value, sgd.value / 100, "momentum \(momentum.value), SGD \(sgd.value)")
  }

  // MARK: Helpers

  private func assertClose<S: TensorScalar>(
    _ tensor: Tensor<S>, _ expected: [Double], accuracy: Double, _ message: String = "",
    file: StaticString = #filePath, line: UInt = #line
  ) {
    XCTAssertEqual(tensor.scalarCount, expected.count, "count \(message)", file: file, line: line)
    for (i, (actual, wanted)) in zip(tensor.scalars, expected).enumerated() {
      XCTAssertEqual(Double(actual), wanted, accuracy: accuracy, "[\(i)] of \(tensor) \(message)", file: file, line: line)
    }
  }
}
