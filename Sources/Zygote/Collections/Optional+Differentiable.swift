// An optional differentiable value is differentiable; its tangent is an optional tangent, where
// `nil` is the zero. Generated code reads optionals only through `x!` (which `if let`,
// `guard let` and `??` are rewritten into), so the rule for `!` is the only one needed.

extension Optional: Differentiable where Wrapped: Differentiable {
  /// An optional of the wrapped value's tangent; `nil` stands for zero.
  public typealias Tangent = Wrapped.Tangent?

  /// `nil`: the zero of an optional tangent.
  @inlinable public var zeroTangent: Wrapped.Tangent? { nil }
}

extension Optional: TangentVector where Wrapped: TangentVector {
  /// Adds `other` into `self`; `nil` is the zero on either side.
  @inlinable public mutating func accumulate(_ other: Wrapped?) {
    guard let other else { return }
    if self == nil {
      self = other
    } else {
      self!.accumulate(other)
    }
  }
}

/// The rule for `x!` (generated code also reaches it from `if let`, `guard let` and `??`): the
/// gradient of the unwrapped value is the gradient of the optional's content.
@inlinable @inline(__always)
public func _vjp<T: Differentiable>(forceUnwrap x: T?) -> (value: T, pullback: (T.Tangent) -> T.Tangent?) {
  (x!, { d in d })
}

/// The gradient of a value that Swift wrapped into an optional (`let o: Double? = x * x`,
/// `c ? x : nil`): the content of the optional gradient, zero for `nil`.
@inlinable @inline(__always)
public func _unwrappedTangent<T: AdditiveArithmetic>(_ gradient: T?) -> T { gradient ?? .zero }

/// The gradient of a value that was not wrapped: unchanged. (Generated code calls
/// `_unwrappedTangent` wherever a value may have been wrapped; this overload serves the others.)
@inlinable @inline(__always)
public func _unwrappedTangent<T: AdditiveArithmetic>(_ gradient: T) -> T { gradient }
