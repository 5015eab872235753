// The optimiser protocol: one step of a first-order method on one tensor, and the three ways to
// apply it: to a tensor held in a variable (keyed by its identity), to the implicit parameters of
// a `Grads`, and to a model struct from its `Tangent` (see Trainable.swift).
//
// Tensors have value semantics, so an optimiser cannot hold on to the parameters it updates: the
// caller passes each one `inout`, with a key under which the optimiser keeps that parameter's state
// (momentum's velocity, Adam's moments) between steps.

/// A first-order optimiser: it moves parameters against their gradients, one step per call.
///
/// Three spellings, all built on one requirement:
///
/// ```swift
/// var opt = Adam(learningRate: 0.01)
///
/// // Explicit parameters: a model struct, updated from its Tangent (the model is Trainable).
/// let g = #gradient({ m in loss(m, x, y) }, at: model)
/// opt.update(&model, along: g)
///
/// // Implicit parameters: tensors held in variables, updated from Grads.
/// let grads = #gradient(Params([W, b])) { meanSquaredError(predicted: matmul(x, W) + b, expected: y) }
/// opt.update(&W, along: grads)
/// opt.update(&b, along: grads)
///
/// // One tensor and its gradient, with the state kept under a key of your choice.
/// opt.update(&model.output.weight, along: g.output.weight, key: "output.weight")
/// ```
///
/// Updates happen in place: the tensor keeps its identity (``Tensor/parameterID``), so a
/// ``Params`` built before the first step still names it after the last.
///
/// Optimisers with state (``Momentum``, ``Adam``) keep it per key, in the optimiser value: use one
/// optimiser per model, and the same key for the same parameter at every step. A new key starts
/// from zero state.
public protocol Optimizer {
  /// The step size η.
  var learningRate: Double { get set }

  /// Moves `value` one step against `gradient`, keeping the optimiser's state for this parameter
  /// under `key`.
  ///
  /// - Parameters:
  ///   - value: the parameter, updated in place (its identity is kept).
  ///   - gradient: the gradient of the loss with respect to `value`, of the same shape.
  ///   - key: names the parameter across steps, for optimisers that keep per-parameter state.
  /// - Precondition: `gradient.shape == value.shape`, and the state under `key` (if any) was made
  ///   for a tensor of this shape and scalar type.
  mutating func update<Scalar: TensorScalar>(
    _ value: inout Tensor<Scalar>, along gradient: Tensor<Scalar>, key: some Hashable)
}

extension Optimizer {
  /// Moves `parameter` one step against `gradient`, keeping its state under its identity
  /// (``Tensor/parameterID``), which in-place updates preserve.
  ///
  /// ```swift
  /// var x = Tensor<Double>([3, -2])
  /// var opt = Momentum(learningRate: 0.1)
  /// for _ in 0..<100 { opt.update(&x, along: 2 * x) }   // minimises x·x
  /// ```
  @inlinable public mutating func update<Scalar: TensorScalar>(
    _ parameter: inout Tensor<Scalar>, along gradient: Tensor<Scalar>
  ) {
    update(&parameter, along: gradient, key: parameter.parameterID)
  }

  /// Moves the implicit parameter `parameter` one step against its gradient in `gradients`,
  /// keeping its state under its identity. Does nothing if `gradients` holds no gradient for it
  /// (the loss never read it, or it was not among the ``Params``).
  ///
  /// ```swift
  /// let g = #gradient(Params([W, b])) { meanSquaredError(predicted: matmul(x, W) + b, expected: y) }
  /// opt.update(&W, along: g)
  /// opt.update(&b, along: g)
  /// ```
  @inlinable public mutating func update<Scalar: TensorScalar>(
    _ parameter: inout Tensor<Scalar>, along gradients: Grads
  ) {
    guard let gradient = gradients[parameter] else { return }
    update(&parameter, along: gradient, key: parameter.parameterID)
  }

  /// Moves every parameter of `model` that ``Trainable/trainableParameters`` lists one step
  /// against the matching property of `gradient`. Each parameter's state is kept under its key
  /// path, so one optimiser serves one model.
  ///
  /// ```swift
  /// let g = #gradient({ m in loss(m, x, y) }, at: model)
  /// opt.update(&model, along: g)
  /// ```
  @inlinable public mutating func update<Model: Trainable>(_ model: inout Model, along gradient: Model.Tangent) {
    for parameter in Model.trainableParameters {
      for path in parameter.paths {
        switch path {
        case .float(let value, let tangent):
          update(&model[keyPath: value], along: gradient[keyPath: tangent], key: value)
        case .double(let value, let tangent):
          update(&model[keyPath: value], along: gradient[keyPath: tangent], key: value)
        }
      }
    }
  }
}

/// Checks the shapes of a parameter, its gradient and its stored state, with messages that name
/// the optimiser.
func _checkShapes<Scalar>(
  _ optimizer: String, value: Tensor<Scalar>, gradient: Tensor<Scalar>, state: Tensor<Scalar>? = nil
) {
  precondition(
    value.shape == gradient.shape,
    "\(optimizer): the gradient's shape \(gradient.shape) differs from the parameter's \(value.shape)")
  if let state {
    precondition(
      state.shape == value.shape,
      "\(optimizer): the state kept under this key is for shape \(state.shape), not \(value.shape); "
        + "use one key per parameter")
  }
}

/// Takes the state tensor stored under `key` out of `storage` (so that it is uniquely referenced
/// and can be updated in place), or zeros of `shape` if there is none.
func _takeState<Scalar: TensorScalar>(
  _ optimizer: String, from storage: inout [AnyHashable: AnyTensor], key: AnyHashable, shape: [Int]
) -> Tensor<Scalar> {
  guard let stored = storage.removeValue(forKey: key) else { return Tensor.zeros(shape: shape) }
  guard let tensor = stored.tensor(of: Scalar.self) else {
    preconditionFailure("\(optimizer): the state kept under this key holds another scalar type; use one key per parameter")
  }
  return tensor
}
