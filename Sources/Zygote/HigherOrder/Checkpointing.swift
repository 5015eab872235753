// Checkpointing (Zygote's `checkpointed`): trade time for memory. A differentiated call of
// `checkpointed(f, x)` runs `f` plainly in the forward pass, so nothing of `f` is recorded (no
// tape, no pullback closure), and runs `f`'s rule again in the backward pass to pull back.
//
//     s = checkpointed(step, s)   =>   _vjp(checkpointed: step, s, rule: { _vjp(step: $0) })

/// Calls `f(x)`. Inside a differentiated function, `f`'s intermediate values are not kept for
/// the backward pass: they are recomputed there.
///
/// ```swift
/// @Differentiable func longLoop(_ x: Double) -> Double { ... }   // a tape of 100,000 entries
/// @Differentiable func model(_ x: Double) -> Double { checkpointed(longLoop, x) }
/// #gradient(model, at: 1.0)   // same gradient; no tape is alive between the two passes
/// ```
///
/// `f` must be the name of a `@Differentiable` function of one argument (or a function with an
/// `@Adjoint`). The backward pass costs one more forward pass of `f`.
@inlinable
public func checkpointed<A, R>(_ f: (A) -> R, _ x: A) -> R {
  f(x)
}

/// The rule of `checkpointed(f, x)`: the value by a plain call of `f`; the pullback runs `f`'s
/// rule at `x` then (recomputing its intermediates) and pulls back through it.
@inlinable
public func _vjp<A: Differentiable, R: Differentiable>(
  checkpointed f: @escaping (A) -> R, _ x: A, rule: @escaping (A) -> (value: R, pullback: (R.Tangent) -> A.Tangent)
) -> (value: R, pullback: (R.Tangent) -> (NoTangent, A.Tangent)) {
  (f(x), { d in (NoTangent(), rule(x).pullback(d)) })
}
