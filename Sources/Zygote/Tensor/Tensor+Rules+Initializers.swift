// Rules for the initializers that build a tensor from differentiated scalars: `Tensor(s)`,
// `Tensor(xs)`, `Tensor(shape: s, scalars: xs)`, `Tensor(shape: s, repeating: x)`, and the
// conversion `Tensor<S>(t)`. Generated
// code calls an initializer's rule as `Tensor._vjpm(init: ...)` with the arguments in order and
// no labels; the pullback returns `NoTangent` for the type, then one gradient per argument
// (`NoTangent` for a shape).

extension Tensor {
  /// Rule for `Tensor(s)` (rank 0): the scalar receives the gradient's only scalar.
  @inlinable public static func _vjpm(init scalar: Scalar) -> (value: Tensor, pullback: (Tensor) -> (NoTangent, Scalar)) {
    (Tensor(scalar), { g in (NoTangent(), g.scalar) })
  }

  /// Rule for `Tensor(xs)` (1-D): element `i` receives scalar `i` of the gradient.
  @inlinable public static func _vjpm(init scalars: [Scalar]) -> (value: Tensor, pullback: (Tensor) -> (NoTangent, [Scalar])) {
    (Tensor(scalars), { g in (NoTangent(), g.scalars) })
  }

  /// Rule for `Tensor(shape: s, scalars: xs)`: element `i` receives row-major scalar `i` of the
  /// gradient.
  @inlinable public static func _vjpm(
    init shape: [Int], _ scalars: [Scalar]
  ) -> (value: Tensor, pullback: (Tensor) -> (NoTangent, NoTangent, [Scalar])) {
    (Tensor(shape: shape, scalars: scalars), { g in (NoTangent(), NoTangent(), g.scalars) })
  }

  /// Rule for `Tensor(shape: s, repeating: x)`: `x` receives the sum of the gradient.
  @inlinable public static func _vjpm(
    init shape: [Int], _ value: Scalar
  ) -> (value: Tensor, pullback: (Tensor) -> (NoTangent, NoTangent, Scalar)) {
    (Tensor(shape: shape, repeating: value), { g in (NoTangent(), NoTangent(), g.sum()) })
  }

  /// Rule for `Tensor<S>(other)`, a conversion of the scalar type: the gradient is converted back.
  @inlinable public static func _vjpm<Other: TensorScalar>(
    init other: Tensor<Other>
  ) -> (value: Tensor, pullback: (Tensor) -> (NoTangent, Tensor<Other>)) {
    (Tensor(other), { g in (NoTangent(), Tensor<Other>(g)) })
  }
}
