// Tuples cannot conform to protocols, so their tangent algebra is a family of overloads, one per
// arity up to six: the tangent of `(A, B)` is `(A.Tangent, B.Tangent)`. Generated code only ever
// reads a tuple's gradient by position (`_ad_d_t.0`): labels are not part of these overloads, and
// Swift converts an unlabelled tuple to a labelled one of the same shape wherever a labelled
// tangent is expected (a pullback's seed, a gradient's result).

/// The zero gradient of a pair.
@inlinable @inline(__always)
public func _zeroTangent<A: Differentiable, B: Differentiable>(like value: (A, B)) -> (A.Tangent, B.Tangent) {
  (value.0.zeroTangent, value.1.zeroTangent)
}
/// The zero gradient of a triple.
@inlinable @inline(__always)
public func _zeroTangent<A: Differentiable, B: Differentiable, C: Differentiable>(like value: (A, B, C)) -> (A.Tangent, B.Tangent, C.Tangent) {
  (value.0.zeroTangent, value.1.zeroTangent, value.2.zeroTangent)
}
/// The zero gradient of a 4-tuple.
@inlinable @inline(__always)
public func _zeroTangent<A: Differentiable, B: Differentiable, C: Differentiable, D: Differentiable>(
  like value: (A, B, C, D)
) -> (A.Tangent, B.Tangent, C.Tangent, D.Tangent) {
  (value.0.zeroTangent, value.1.zeroTangent, value.2.zeroTangent, value.3.zeroTangent)
}
/// The zero gradient of a 5-tuple.
@inlinable @inline(__always)
public func _zeroTangent<A: Differentiable, B: Differentiable, C: Differentiable, D: Differentiable, E: Differentiable>(
  like value: (A, B, C, D, E)
) -> (A.Tangent, B.Tangent, C.Tangent, D.Tangent, E.Tangent) {
  (value.0.zeroTangent, value.1.zeroTangent, value.2.zeroTangent, value.3.zeroTangent, value.4.zeroTangent)
}
/// The zero gradient of a 6-tuple.
@inlinable @inline(__always)
public func _zeroTangent<A: Differentiable, B: Differentiable, C: Differentiable, D: Differentiable, E: Differentiable, F: Differentiable>(
  like value: (A, B, C, D, E, F)
) -> (A.Tangent, B.Tangent, C.Tangent, D.Tangent, E.Tangent, F.Tangent) {
  (value.0.zeroTangent, value.1.zeroTangent, value.2.zeroTangent, value.3.zeroTangent, value.4.zeroTangent, value.5.zeroTangent)
}

/// Adds a pair's gradient into `sum`, element by element.
@inlinable @inline(__always)
public func _accumulate<A: TangentVector, B: TangentVector>(_ sum: inout (A, B), _ gradient: (A, B)) {
  sum.0.accumulate(gradient.0)
  sum.1.accumulate(gradient.1)
}
/// Adds a triple's gradient into `sum`, element by element.
@inlinable @inline(__always)
public func _accumulate<A: TangentVector, B: TangentVector, C: TangentVector>(_ sum: inout (A, B, C), _ gradient: (A, B, C)) {
  sum.0.accumulate(gradient.0)
  sum.1.accumulate(gradient.1)
  sum.2.accumulate(gradient.2)
}
/// Adds a 4-tuple's gradient into `sum`, element by element.
@inlinable @inline(__always)
public func _accumulate<A: TangentVector, B: TangentVector, C: TangentVector, D: TangentVector>(
  _ sum: inout (A, B, C, D), _ gradient: (A, B, C, D)
) {
  sum.0.accumulate(gradient.0)
  sum.1.accumulate(gradient.1)
  sum.2.accumulate(gradient.2)
  sum.3.accumulate(gradient.3)
}
/// Adds a 5-tuple's gradient into `sum`, element by element.
@inlinable @inline(__always)
public func _accumulate<A: TangentVector, B: TangentVector, C: TangentVector, D: TangentVector, E: TangentVector>(
  _ sum: inout (A, B, C, D, E), _ gradient: (A, B, C, D, E)
) {
  sum.0.accumulate(gradient.0)
  sum.1.accumulate(gradient.1)
  sum.2.accumulate(gradient.2)
  sum.3.accumulate(gradient.3)
  sum.4.accumulate(gradient.4)
}
/// Adds a 6-tuple's gradient into `sum`, element by element.
@inlinable @inline(__always)
public func _accumulate<A: TangentVector, B: TangentVector, C: TangentVector, D: TangentVector, E: TangentVector, F: TangentVector>(
  _ sum: inout (A, B, C, D, E, F), _ gradient: (A, B, C, D, E, F)
) {
  sum.0.accumulate(gradient.0)
  sum.1.accumulate(gradient.1)
  sum.2.accumulate(gradient.2)
  sum.3.accumulate(gradient.3)
  sum.4.accumulate(gradient.4)
  sum.5.accumulate(gradient.5)
}
