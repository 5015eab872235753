// What the compiler says when `#gradient`, `#derivative` or `#valueWithGradient` is applied to a
// function whose result is not a scalar. These overloads lose to every real entry point (they are
// disfavoured) and, when nothing else fits, turn "no exact matches" into the fix.

/// Reached only when a gradient is asked of a function whose result is not a scalar.
@available(*, unavailable, message: "#gradient needs a function with a scalar result (Double, Float, or a Tensor holding one scalar); for an array, tuple or struct result use #pullback with a seed, or #jacobian")
@_disfavoredOverload
public func _gradientOf<V, T, G>(_ valueAndPullback: (value: V, pullback: (T) -> G)) -> G { fatalError() }

/// Reached only when a value and gradient are asked of a function whose result is not a scalar.
@available(*, unavailable, message: "#valueWithGradient needs a function with a scalar result (Double, Float, or a Tensor holding one scalar); for an array, tuple or struct result use #pullback with a seed, or #jacobian")
@_disfavoredOverload
public func _valueWithGradientOf<V, T, G>(_ valueAndPullback: (value: V, pullback: (T) -> G)) -> (value: V, gradient: G) { fatalError() }

/// Reached only when a closure literal given to `#gradient` returns something other than a scalar.
@available(*, unavailable, message: "#gradient needs a closure with a scalar result (Double, Float, or a Tensor holding one scalar); for an array, tuple or struct result use #pullback with a seed, or #jacobian")
@_disfavoredOverload
public func _unitSeed<T>(like value: T) -> T { fatalError() }
