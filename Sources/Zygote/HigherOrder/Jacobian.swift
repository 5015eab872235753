// Jacobians, by reverse or forward mode.
//
//     #jacobian(f, at: x)   =>   _jacobian(at: x, reverse: { _vjp(f: $0) }, forward: { f($0) })
//
// Reverse mode pulls back one unit seed per output: m pullback calls after one forward pass
// (the pullback closure is reusable). Forward mode evaluates f on dual numbers once per input:
// n passes. Forward mode needs f generic over its scalar (it runs on `Dual<T>`); when it is,
// the first forward pass tells the number of outputs m, and forward mode goes on when n < m,
// otherwise reverse mode takes over. When f is not generic, the type checker picks the
// reverse-only overload.

/// A value `#jacobian` can differentiate: it has a number of scalars and a unit tangent for
/// each (`[Double]`, `[Float]`, `Tensor`).
public protocol JacobianOutput: Differentiable {
  /// The number of scalars: the Jacobian's number of rows.
  var _jacobianRowCount: Int { get }
  /// The tangent that is `1` at scalar `index` (row-major) and `0` elsewhere.
  func _unitTangent(at index: Int) -> Tangent
}

extension Array: JacobianOutput where Element: FloatingPoint & Differentiable, Element.Tangent == Element {
  /// The number of elements.
  @inlinable public var _jacobianRowCount: Int { count }
  /// `eᵢ` of the same count.
  @inlinable public func _unitTangent(at index: Int) -> [Element] {
    var unit = [Element](repeating: 0, count: count)
    unit[index] = 1
    return unit
  }
}

extension Tensor: JacobianOutput {
  /// The number of scalars.
  @inlinable public var _jacobianRowCount: Int { scalars.count }
  /// A tensor of this shape that is `1` at the row-major position `index`.
  @inlinable public func _unitTangent(at index: Int) -> Tensor {
    var unit = [Scalar](repeating: 0, count: scalars.count)
    unit[index] = 1
    return Tensor(shape: shape, scalars: unit)
  }
}

/// The Jacobian by reverse mode: row `i` is the gradient of output scalar `i`, as the input's
/// tangent (`[Double]` for an array input, `S.Tangent` for a struct, a `Tensor` for a tensor).
@inlinable
public func _jacobian<A: Differentiable, Y: JacobianOutput>(
  at x: A, reverse rule: (A) -> (value: Y, pullback: (Y.Tangent) -> A.Tangent)
) -> [A.Tangent] {
  let (value, pullback) = rule(x)
  return (0..<value._jacobianRowCount).map { pullback(value._unitTangent(at: $0)) }
}

/// The Jacobian of a function that cannot run on dual numbers: reverse mode (see above).
@inlinable @_disfavoredOverload
public func _jacobian<A: Differentiable, Y: JacobianOutput, F>(
  at x: A, reverse rule: (A) -> (value: Y, pullback: (Y.Tangent) -> A.Tangent), forward f: (A) -> F
) -> [A.Tangent] {
  _jacobian(at: x, reverse: rule)
}

/// The Jacobian of a function from an array to an array that is generic over its scalar, as rows
/// (`j[i][k] = ∂yᵢ/∂xₖ`): forward mode (one pass on dual numbers per input) when there are fewer
/// inputs than outputs, reverse mode (one pullback per output) otherwise.
@inlinable
public func _jacobian<T: ElementaryFloatingPoint>(
  at x: [T], reverse rule: ([T]) -> (value: [T], pullback: ([T]) -> [T]), forward f: ([Dual<T>]) -> [Dual<T>]
) -> [[T]] {
  let n = x.count
  if n == 0 { return _reverseJacobian(at: x, rule) }
  var direction = [T](repeating: 0, count: n)
  direction[0] = 1
  let first = f(_seeded(x, direction))
  let m = first.count
  guard n < m else { return _reverseJacobian(at: x, rule) }
  var rows = [[T]](repeating: [T](repeating: 0, count: n), count: m)
  for i in 0..<m { rows[i][0] = first[i].derivative }
  for k in 1..<n {
    direction[k - 1] = 0
    direction[k] = 1
    let column = f(_seeded(x, direction))
    for i in 0..<m { rows[i][k] = column[i].derivative }
  }
  return rows
}

/// Reverse mode for an array function of a generic scalar: one pullback per output.
@inlinable
public func _reverseJacobian<T: ElementaryFloatingPoint>(at x: [T], _ rule: ([T]) -> (value: [T], pullback: ([T]) -> [T])) -> [[T]] {
  let (value, pullback) = rule(x)
  var seed = [T](repeating: 0, count: value.count)
  var rows: [[T]] = []
  rows.reserveCapacity(value.count)
  for i in value.indices {
    seed[i] = 1
    let row = pullback(seed)
    rows.append(row.isEmpty ? [T](repeating: 0, count: x.count) : row)
    seed[i] = 0
  }
  return rows
}
