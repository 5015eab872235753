// Nested derivatives: a `#derivative` or `#gradient` written inside the closure of another one.
// The transform expands the outer use in forward mode, evaluating its closure on dual numbers,
// and leaves every nested use in reverse mode as usual: the nested reverse pass then runs on
// dual numbers, which is forward over reverse and gives the derivative of the nested gradient.
//
//     #derivative({ x in x * #derivative({ y in x * y }, at: 1.0) }, at: 4.0)
//       =>  _forwardGradient(at: 4.0) { x in x * { y in <reverse pass> }(1.0) }
//
// Perturbation confusion cannot happen: reverse mode introduces no perturbation of its own, so
// the only dual part is the outer one. A use that itself holds nested uses is forward mode too;
// its point is pinned to the level of the enclosing closure's argument (`_pin(p, level: x)`), so
// its dual numbers are one level deeper, never the same type as the enclosing ones.

/// The derivative of a scalar function at `x` by forward mode.
@inlinable
public func _forwardGradient<T: ElementaryFloatingPoint>(at x: T, _ f: (Dual<T>) -> Dual<T>) -> T {
  f(Dual(x, derivative: 1)).derivative
}

/// The gradient of a scalar function of an array at `x` by forward mode: one pass per element.
@inlinable
public func _forwardGradient<T: ElementaryFloatingPoint>(at x: [T], _ f: ([Dual<T>]) -> Dual<T>) -> [T] {
  var direction = [T](repeating: 0, count: x.count)
  var gradient: [T] = []
  gradient.reserveCapacity(x.count)
  for i in x.indices {
    direction[i] = 1
    gradient.append(f(_seeded(x, direction)).derivative)
    direction[i] = 0
  }
  return gradient
}

/// The gradients of a scalar function of two scalars by forward mode: two passes.
@inlinable
public func _forwardGradient<T: ElementaryFloatingPoint>(at x: T, _ y: T, _ f: (Dual<T>, Dual<T>) -> Dual<T>) -> (T, T) {
  (f(Dual(x, derivative: 1), Dual(constant: y)).derivative, f(Dual(constant: x), Dual(y, derivative: 1)).derivative)
}

/// The value and the derivative of a scalar function at `x` by forward mode.
@inlinable
public func _forwardValueWithGradient<T: ElementaryFloatingPoint>(at x: T, _ f: (Dual<T>) -> Dual<T>) -> (value: T, gradient: T) {
  let y = f(Dual(x, derivative: 1))
  return (y.value, y.derivative)
}

/// The value and the gradient of a scalar function of an array by forward mode.
@inlinable
public func _forwardValueWithGradient<T: ElementaryFloatingPoint>(at x: [T], _ f: ([Dual<T>]) -> Dual<T>) -> (value: T, gradient: [T]) {
  (f(x.map { Dual(constant: $0) }).value, _forwardGradient(at: x, f))
}

/// The value and the gradients of a scalar function of two scalars by forward mode.
@inlinable
public func _forwardValueWithGradient<T: ElementaryFloatingPoint>(
  at x: T, _ y: T, _ f: (Dual<T>, Dual<T>) -> Dual<T>
) -> (value: T, gradient: (T, T)) {
  (f(Dual(constant: x), Dual(constant: y)).value, _forwardGradient(at: x, y, f))
}

/// The point of a nested forward-mode use, typed at the level of the enclosing closure's
/// argument: a literal point could otherwise take any type, among them the enclosing dual type,
/// which would mix the two perturbations.
@inlinable @inline(__always)
public func _pin<T>(_ point: T, level: T) -> T { point }
/// The point of a nested use, at the level of the elements of the enclosing array argument.
@inlinable @inline(__always)
public func _pin<T>(_ point: T, level: [T]) -> T { point }
/// An array point of a nested use, at the level of the enclosing scalar argument.
@inlinable @inline(__always)
public func _pin<T>(_ point: [T], level: T) -> [T] { point }
/// An array point of a nested use, at the level of the enclosing array argument.
@inlinable @inline(__always)
public func _pin<T>(_ point: [T], level: [T]) -> [T] { point }

/// An enclosing forward closure's argument seen one dual level deeper: a constant there (its
/// own perturbations stay in its value).
@inlinable @inline(__always)
public func _lift<T: ElementaryFloatingPoint>(_ x: T, into point: T) -> Dual<T> { Dual(constant: x) }
/// An enclosing forward closure's argument seen one dual level deeper, for an array point.
@inlinable @inline(__always)
public func _lift<T: ElementaryFloatingPoint>(_ x: T, into point: [T]) -> Dual<T> { Dual(constant: x) }
/// An enclosing array argument seen one dual level deeper.
@inlinable @inline(__always)
public func _lift<T: ElementaryFloatingPoint>(_ x: [T], into point: T) -> [Dual<T>] { x.map { Dual(constant: $0) } }
/// An enclosing array argument seen one dual level deeper, for an array point.
@inlinable @inline(__always)
public func _lift<T: ElementaryFloatingPoint>(_ x: [T], into point: [T]) -> [Dual<T>] { x.map { Dual(constant: $0) } }

/// Reached only when the closure cannot run on dual numbers.
@available(*, unavailable, message: "a #derivative or #gradient that holds a nested one evaluates its closure on Dual numbers (forward mode): its argument must be a scalar, an array of scalars or two scalars, and the functions it calls must be generic over ElementaryFloatingPoint")
@_disfavoredOverload
public func _forwardGradient<A, R>(at x: A, _ f: (A) -> R) -> A { fatalError() }
