// Hessians by forward over reverse: the generated pullback of a function generic over its
// scalar is run on dual numbers. Seeding the input with direction v (x + vε) and pulling back
// the seed 1 gives the gradient at x in the values and H·v in the derivatives: one
// Hessian-vector product costs one forward and one backward pass on dual numbers, about twice a
// gradient; a full Hessian of n inputs costs n of them.
//
// The macros expand to these functions with the function's rule instantiated at `Dual<T>`:
//
//     #hessian(f, at: x)                                =>  _hessian(at: x) { _vjp(f: $0) }
//     #hessianVectorProduct(f, at: x, direction: v)     =>  _hessianVectorProduct(at: x, direction: v) { _vjp(f: $0) }

/// The second derivative of a scalar function at `x`: one forward-over-reverse pass.
@inlinable
public func _hessian<T: ElementaryFloatingPoint>(
  at x: T, _ rule: (Dual<T>) -> (value: Dual<T>, pullback: (Dual<T>) -> Dual<T>)
) -> T {
  _hessianVectorProduct(at: x, direction: 1, rule)
}

/// The Hessian of a scalar function of an array at `x`, as rows (`h[i][j] = ∂²f/∂xᵢ∂xⱼ`): one
/// Hessian-vector product per input, each with a unit direction (column `j` is `H·eⱼ`).
@inlinable
public func _hessian<T: ElementaryFloatingPoint>(
  at x: [T], _ rule: ([Dual<T>]) -> (value: Dual<T>, pullback: (Dual<T>) -> [Dual<T>])
) -> [[T]] {
  let n = x.count
  var rows = [[T]](repeating: [T](repeating: 0, count: n), count: n)
  var direction = [T](repeating: 0, count: n)
  for j in 0..<n {
    direction[j] = 1
    let column = _hessianVectorProduct(at: x, direction: direction, rule)
    for i in 0..<n { rows[i][j] = column[i] }
    direction[j] = 0
  }
  return rows
}

/// The Hessian of a scalar function of two scalars, as rows: `[[f_xx, f_xy], [f_yx, f_yy]]`;
/// two forward-over-reverse passes.
@inlinable
public func _hessian<T: ElementaryFloatingPoint>(
  at x: T, _ y: T, _ rule: (Dual<T>, Dual<T>) -> (value: Dual<T>, pullback: (Dual<T>) -> (Dual<T>, Dual<T>))
) -> [[T]] {
  let seed = Dual<T>(1, derivative: 0)
  let alongX = rule(Dual(x, derivative: 1), Dual(constant: y)).pullback(seed)
  let alongY = rule(Dual(constant: x), Dual(y, derivative: 1)).pullback(seed)
  return [[alongX.0.derivative, alongY.0.derivative], [alongX.1.derivative, alongY.1.derivative]]
}

/// `f''(x)·v` for a scalar function: one forward-over-reverse pass.
@inlinable
public func _hessianVectorProduct<T: ElementaryFloatingPoint>(
  at x: T, direction v: T, _ rule: (Dual<T>) -> (value: Dual<T>, pullback: (Dual<T>) -> Dual<T>)
) -> T {
  rule(Dual(x, derivative: v)).pullback(Dual(1, derivative: 0)).derivative
}

/// `H·v` for a scalar function of an array: one forward-over-reverse pass, without forming `H`.
@inlinable
public func _hessianVectorProduct<T: ElementaryFloatingPoint>(
  at x: [T], direction v: [T], _ rule: ([Dual<T>]) -> (value: Dual<T>, pullback: (Dual<T>) -> [Dual<T>])
) -> [T] {
  precondition(x.count == v.count, "#hessianVectorProduct: the direction has \(v.count) elements, the point \(x.count)")
  var seeded: [Dual<T>] = []
  seeded.reserveCapacity(x.count)
  for i in x.indices { seeded.append(Dual(x[i], derivative: v[i])) }
  let gradient = rule(seeded).pullback(Dual(1, derivative: 0))
  // An input the function never read has an empty or zero gradient.
  if gradient.isEmpty { return [T](repeating: 0, count: x.count) }
  return gradient.map(\.derivative)
}

// MARK: - A readable error for functions that are not generic over their scalar

/// Reached only when the function's rule cannot run on dual numbers: it is written for `Double`
/// or `Float` instead of a generic scalar.
@available(*, unavailable, message: "#hessian needs a function generic over its scalar, e.g. func f<T: ElementaryFloatingPoint>(_ x: [T]) -> T: the Hessian runs its pullback on Dual<Double> numbers (forward over reverse)")
@_disfavoredOverload
public func _hessian<A, R, G, H>(at x: A, _ rule: (A) -> (value: R, pullback: (R) -> G)) -> H { fatalError() }

/// Reached only when a function of two arguments cannot run on dual numbers (see `_hessian`).
@available(*, unavailable, message: "#hessian needs a function generic over its scalar, e.g. func f<T: ElementaryFloatingPoint>(_ x: T, _ y: T) -> T: the Hessian runs its pullback on Dual<Double> numbers (forward over reverse)")
@_disfavoredOverload
public func _hessian<A, B, R, G, H>(at x: A, _ y: B, _ rule: (A, B) -> (value: R, pullback: (R) -> G)) -> H { fatalError() }

/// Reached only when the function's rule cannot run on dual numbers (see `_hessian`).
@available(*, unavailable, message: "#hessianVectorProduct needs a function generic over its scalar, e.g. func f<T: ElementaryFloatingPoint>(_ x: [T]) -> T: it runs the pullback on Dual<Double> numbers (forward over reverse)")
@_disfavoredOverload
public func _hessianVectorProduct<A, R, G, H>(at x: A, direction v: A, _ rule: (A) -> (value: R, pullback: (R) -> G)) -> H { fatalError() }
