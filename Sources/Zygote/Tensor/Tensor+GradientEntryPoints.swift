// Tensor overloads of the explicit gradient entry points that generated code calls
// (GeneratedCodeSupport.swift has the FloatingPoint ones), so that a function or closure whose
// result is a rank-0 Tensor (or any one-scalar Tensor) can be the loss of `#gradient(f, at:)`.
// As for Zygote's `sensitivity`, a tensor with more than one scalar has no gradient.

/// The seed of a one-scalar tensor result: ones of its shape.
/// - Precondition: `value` holds exactly one scalar.
@inlinable public func _unitSeed<S>(like value: Tensor<S>) -> Tensor<S> {
  value._implicitSeed
}

/// The gradient of a function whose result is a one-scalar tensor, from its value and pullback:
/// the pullback applied to ones of the result's shape.
@inlinable public func _gradientOf<S, G>(_ valueAndPullback: (value: Tensor<S>, pullback: (Tensor<S>) -> G)) -> G {
  valueAndPullback.pullback(valueAndPullback.value._implicitSeed)
}

/// The value and gradient of a function whose result is a one-scalar tensor.
@inlinable public func _valueWithGradientOf<S, G>(
  _ valueAndPullback: (value: Tensor<S>, pullback: (Tensor<S>) -> G)
) -> (value: Tensor<S>, gradient: G) {
  (valueAndPullback.value, valueAndPullback.pullback(valueAndPullback.value._implicitSeed))
}
