// Grads: the result of a gradient with respect to implicit parameters (Zygote's `Grads`),
// keyed by parameter identity.

/// The gradients of a loss with respect to the tensors of a ``Params``, looked up by parameter.
///
/// ```swift
/// let g = #gradient(Params([W, b])) { predict(x).sum() }
/// g[W]                       // Tensor<Double>? — nil if the loss never read W
/// for (id, gradient) in g { print(id, gradient) }
/// let total = g + g2         // gradients of the same parameter are added
/// ```
public struct Grads: Sendable, Sequence, CustomStringConvertible {
  /// The parameters the gradient was taken with respect to.
  public private(set) var params: Params
  /// The gradient of each parameter that received one.
  @usableFromInline internal var _gradients: [ParameterID: AnyTensor]

  /// Gradients for `params`, of which `gradients` holds those that received one.
  public init(params: Params, gradients: [ParameterID: AnyTensor] = [:]) {
    self.params = params
    _gradients = gradients
  }

  /// The gradient of the parameter `tensor`; `nil` if `tensor` is not a parameter, or the loss
  /// never used it, or its gradient has another scalar type.
  @inlinable public subscript<Scalar>(_ tensor: Tensor<Scalar>) -> Tensor<Scalar>? {
    _gradients[tensor.parameterID].flatMap { Scalar._unerase($0) }
  }

  /// The gradient of the parameter with identity `id`, type-erased.
  public subscript(id id: ParameterID) -> AnyTensor? { _gradients[id] }

  /// The number of parameters that received a gradient.
  public var count: Int { _gradients.count }

  /// Each parameter that received a gradient, with the gradient, in ``Params`` order.
  public func makeIterator() -> IndexingIterator<[(id: ParameterID, gradient: AnyTensor)]> {
    params.ids.compactMap { id in _gradients[id].map { (id: id, gradient: $0) } }.makeIterator()
  }

  /// Adds `gradient` into the gradient of `id` (which becomes a parameter if it was not one).
  public mutating func accumulate(_ gradient: AnyTensor, for id: ParameterID) {
    params.insert(id)
    if var existing = _gradients.removeValue(forKey: id) {
      existing.accumulate(gradient)
      _gradients[id] = existing
    } else {
      _gradients[id] = gradient
    }
  }

  /// The union of both parameter sets, with gradients of a parameter present in both added.
  public static func + (lhs: Grads, rhs: Grads) -> Grads {
    var result = lhs
    for id in rhs.params.ids { result.params.insert(id) }
    for (id, gradient) in rhs._gradients { result.accumulate(gradient, for: id) }
    return result
  }

  /// `Grads(#3: [1.0, 1.0], #4: nothing)`: each parameter and its gradient.
  public var description: String {
    let entries = params.ids.map { id in "\(id): \(_gradients[id]?.description ?? "nothing")" }
    return "Grads(\(entries.joined(separator: ", ")))"
  }
}
