// Entry points of generated code for implicit parameters.
//
// In a differentiated body the generator wraps every read of a free variable (a global or a
// captured variable) as `_vjp(implicit: v)`. For a tensor, the pullback adds the gradient into
// the current gradient context under the tensor's identity; for anything else it does nothing.
// `#gradient(Params([W, b])) { loss }` becomes a call of `_gradient(params:_:)` with a closure
// returning the loss and its pullback:
//
//     _gradient(params: Params([W, b])) { () -> (value: Double, pullback: (Double) -> Void) in
//       let (v1, pb1) = _vjp(implicit: W)
//       let (v2, pb2) = _vjp(matmul: v1, x)
//       ...
//       return (value: v5, pullback: { d5 in let d4 = pb5(d5); ...; pb1(d1) })
//     }

/// Rule for reading a tensor from a free variable: the value passes through; the pullback adds
/// the gradient `g` to the current gradient context under the tensor's identity, if a context
/// is active on this thread and tracks that identity.
/// ```
/// grads[W] += g
/// ```
@inlinable public func _vjp<S>(implicit value: Tensor<S>) -> (value: Tensor<S>, pullback: (Tensor<S>) -> Void) {
  let id = value.parameterID
  return (value, { g in GradientContext.accumulate(g, for: id) })
}

/// Rule for reading any other differentiable value from a free variable: only tensors can be
/// implicit parameters, so the pullback does nothing.
@inlinable public func _vjp<T: Differentiable>(implicit value: T) -> (value: T, pullback: (T.Tangent) -> Void) {
  (value, { _ in })
}

/// Rule for reading a non-differentiable value from a free variable (a function, a class
/// instance, a string...): the pullback takes ``NoTangent`` and does nothing.
@inlinable public func _vjp<T>(implicit value: T) -> (value: T, pullback: (NoTangent) -> Void) {
  (value, { _ in })
}

/// A loss that an implicit-parameter gradient can start from: its seed is "1".
///
/// `Double` and `Float` are seeded with 1; a ``Tensor`` loss must hold exactly one scalar (a
/// rank-0 tensor, or all extents 1) and is seeded with ones of its shape, since a gradient is
/// only defined for a scalar output (Zygote's `sensitivity` rule).
public protocol _ImplicitLoss {
  /// The gradient of the loss with respect to itself.
  var _implicitSeed: Self { get }
}

extension Double: _ImplicitLoss {
  /// `1`
  @inlinable public var _implicitSeed: Double { 1 }
}

extension Float: _ImplicitLoss {
  /// `1`
  @inlinable public var _implicitSeed: Float { 1 }
}

extension Tensor: _ImplicitLoss {
  /// Ones of this shape.
  /// - Precondition: the tensor holds exactly one scalar.
  @inlinable public var _implicitSeed: Tensor {
    precondition(
      scalarCount == 1,
      "#gradient: the loss must be a scalar (Double, Float, or a Tensor with one scalar); "
        + "got a Tensor of shape \(shape). Reduce it first, e.g. with .sum() or .mean().")
    return Tensor.ones(shape: shape)
  }
}

/// The gradients of a loss with respect to implicit parameters: generated code for
/// `#gradient(params) { loss }`.
///
/// Pushes a gradient context tracking `params` on this thread, runs `body` (which returns the
/// loss and its pullback), calls the pullback with the seed 1, pops the context and returns the
/// collected gradients. A parameter that the loss never read has no entry (`g[p] == nil`).
@inlinable public func _gradient<R: _ImplicitLoss>(
  params: Params, _ body: () -> (value: R, pullback: (R) -> Void)
) -> Grads {
  _valueWithGradient(params: params, body).gradient
}

/// The loss and its gradients with respect to implicit parameters: generated code for
/// `#valueWithGradient(params) { loss }`. See ``_gradient(params:_:)``.
@inlinable public func _valueWithGradient<R: _ImplicitLoss>(
  params: Params, _ body: () -> (value: R, pullback: (R) -> Void)
) -> (value: R, gradient: Grads) {
  let (value, grads) = GradientContext.withContext(params: params) { () -> R in
    let (value, pullback) = body()
    pullback(value._implicitSeed)
    return value
  }
  return (value, grads)
}
