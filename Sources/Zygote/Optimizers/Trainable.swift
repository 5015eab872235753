// Trainable: how an optimiser finds the parameters of a model struct. A `@DifferentiableStruct`'s
// Tangent has the same stored property names as the struct, so a parameter is a pair of key
// paths with the same spelling: where the tensor is in the model, and where its gradient is in
// the Tangent. The model lists them once; `Optimizer.update(_:along:)` walks the list.

/// A model struct whose tensor parameters an ``Optimizer`` can update from its `Tangent`.
///
/// List each tensor property twice, as a key path into the model and into its `Tangent` (the
/// same spelling, since the Tangent has the same property names); list a nested layer that is
/// itself `Trainable` with ``TrainableParameter/nested(_:_:)``:
///
/// ```swift
/// @DifferentiableStruct
/// struct Dense {
///   var weight: Tensor<Float>
///   var bias: Tensor<Float>
/// }
/// extension Dense: Trainable {
///   static var trainableParameters: [TrainableParameter<Dense>] {
///     [.tensor(\.weight, \.weight), .tensor(\.bias, \.bias)]
///   }
/// }
///
/// @DifferentiableStruct
/// struct MLP {
///   var hidden: Dense
///   var output: Dense
/// }
/// extension MLP: Trainable {
///   static var trainableParameters: [TrainableParameter<MLP>] {
///     [.nested(\.hidden, \.hidden), .nested(\.output, \.output)]
///   }
/// }
///
/// var opt = Adam(learningRate: 0.001)
/// let g = #gradient({ m in loss(m, x, y) }, at: model)   // MLP.Tangent
/// opt.update(&model, along: g)
/// ```
///
/// Properties left out of the list are not updated (for example frozen layers).
public protocol Trainable: Differentiable {
  /// The tensor properties that an optimiser updates, each with the matching property of the
  /// `Tangent`.
  static var trainableParameters: [TrainableParameter<Self>] { get }
}

/// One trainable tensor property of `Model` (or, through ``nested(_:_:)``, all those of a
/// nested layer), given as a key path into the model and the matching key path into its
/// `Tangent`.
public struct TrainableParameter<Model: Differentiable> {
  /// A tensor property and the matching tangent property, by scalar type.
  @usableFromInline enum Path {
    /// A `Tensor<Float>` property.
    case float(WritableKeyPath<Model, Tensor<Float>>, KeyPath<Model.Tangent, Tensor<Float>>)
    /// A `Tensor<Double>` property.
    case double(WritableKeyPath<Model, Tensor<Double>>, KeyPath<Model.Tangent, Tensor<Double>>)
  }

  /// The tensor properties this entry stands for: one for ``tensor(_:_:)``, the nested layer's
  /// for ``nested(_:_:)``.
  @usableFromInline let paths: [Path]

  @usableFromInline init(paths: [Path]) { self.paths = paths }

  /// The tensor at `value` in the model, whose gradient is at `gradient` in the model's
  /// `Tangent`.
  ///
  /// ```swift
  /// .tensor(\.weight, \.weight)
  /// ```
  public static func tensor<Scalar: TensorScalar>(
    _ value: WritableKeyPath<Model, Tensor<Scalar>>, _ gradient: KeyPath<Model.Tangent, Tensor<Scalar>>
  ) -> TrainableParameter {
    TrainableParameter(paths: [Path(value, gradient)])
  }

  /// Every trainable parameter of the layer at `layer` in the model, whose gradient is at
  /// `gradient` in the model's `Tangent`.
  ///
  /// ```swift
  /// .nested(\.hidden, \.hidden)
  /// ```
  public static func nested<Layer: Trainable>(
    _ layer: WritableKeyPath<Model, Layer>, _ gradient: KeyPath<Model.Tangent, Layer.Tangent>
  ) -> TrainableParameter {
    var paths: [Path] = []
    for parameter in Layer.trainableParameters {
      for path in parameter.paths {
        switch path {
        case .float(let value, let tangent):
          paths.append(.float(layer.appending(path: value), gradient.appending(path: tangent)))
        case .double(let value, let tangent):
          paths.append(.double(layer.appending(path: value), gradient.appending(path: tangent)))
        }
      }
    }
    return TrainableParameter(paths: paths)
  }
}

extension TrainableParameter.Path {
  /// Sorts a pair of key paths by scalar type. `TensorScalar` has only two conforming types.
  @usableFromInline init<Scalar: TensorScalar>(
    _ value: WritableKeyPath<Model, Tensor<Scalar>>, _ gradient: KeyPath<Model.Tangent, Tensor<Scalar>>
  ) {
    // The casts are identities: they only run when `Scalar` is the type named.
    if Scalar.self == Float.self {
      self = .float(
        unsafeBitCast(value, to: WritableKeyPath<Model, Tensor<Float>>.self),
        unsafeBitCast(gradient, to: KeyPath<Model.Tangent, Tensor<Float>>.self))
    } else if Scalar.self == Double.self {
      self = .double(
        unsafeBitCast(value, to: WritableKeyPath<Model, Tensor<Double>>.self),
        unsafeBitCast(gradient, to: KeyPath<Model.Tangent, Tensor<Double>>.self))
    } else {
      preconditionFailure("TrainableParameter: tensors of \(Scalar.self) are not supported (Float or Double)")
    }
  }
}
