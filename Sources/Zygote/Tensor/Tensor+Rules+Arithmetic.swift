// Rules (value and pullback) for tensor arithmetic. Generated code calls `_vjp(__add: a, b)`
// for `a + b` and lets overload resolution pick these when an operand is a Tensor; every
// overload here takes at least one Tensor, so scalar arithmetic never sees them.
//
// Broadcasting: the result has the broadcast shape, so each operand's gradient is the incoming
// gradient summed back to that operand's shape (`unbroadcast(to:)`); a scalar operand's gradient
// is the sum of the incoming gradient.

// MARK: Tensor ⊕ Tensor

/// Rule for `a + b`:
/// ```
/// ∂a = unbroadcast(g),  ∂b = unbroadcast(g)
/// ```
@inlinable public func _vjp<S>(__add a: Tensor<S>, _ b: Tensor<S>)
  -> (value: Tensor<S>, pullback: (Tensor<S>) -> (Tensor<S>, Tensor<S>))
{
  let sa = a.shape
  let sb = b.shape
  return (a + b, { g in (g.unbroadcast(to: sa), g.unbroadcast(to: sb)) })
}

/// Rule for `a - b`:
/// ```
/// ∂a = unbroadcast(g),  ∂b = −unbroadcast(g)
/// ```
@inlinable public func _vjp<S>(__subtract a: Tensor<S>, _ b: Tensor<S>)
  -> (value: Tensor<S>, pullback: (Tensor<S>) -> (Tensor<S>, Tensor<S>))
{
  let sa = a.shape
  let sb = b.shape
  return (a - b, { g in (g.unbroadcast(to: sa), -g.unbroadcast(to: sb)) })
}

/// Rule for `a * b` (elementwise):
/// ```
/// ∂a = unbroadcast(g ⊙ b),  ∂b = unbroadcast(g ⊙ a)
/// ```
@inlinable public func _vjp<S>(__multiply a: Tensor<S>, _ b: Tensor<S>)
  -> (value: Tensor<S>, pullback: (Tensor<S>) -> (Tensor<S>, Tensor<S>))
{
  (a * b, { g in ((g * b).unbroadcast(to: a.shape), (g * a).unbroadcast(to: b.shape)) })
}

/// Rule for `a / b` (elementwise):
/// ```
/// ∂a = unbroadcast(g / b),  ∂b = −unbroadcast(g ⊙ a / b²)
/// ```
@inlinable public func _vjp<S>(__divide a: Tensor<S>, _ b: Tensor<S>)
  -> (value: Tensor<S>, pullback: (Tensor<S>) -> (Tensor<S>, Tensor<S>))
{
  let value = a / b
  return (
    value,
    { g in
      let ga = g / b
      return (ga.unbroadcast(to: a.shape), (-ga * value).unbroadcast(to: b.shape))
    }
  )
}

// MARK: Tensor ⊕ Scalar

/// Rule for `t + s`: `∂t = g`, `∂s = Σ g`.
@inlinable public func _vjp<S>(__add t: Tensor<S>, _ s: S)
  -> (value: Tensor<S>, pullback: (Tensor<S>) -> (Tensor<S>, S))
{
  (t + s, { g in (g, g.sum()) })
}

/// Rule for `t - s`: `∂t = g`, `∂s = −Σ g`.
@inlinable public func _vjp<S>(__subtract t: Tensor<S>, _ s: S)
  -> (value: Tensor<S>, pullback: (Tensor<S>) -> (Tensor<S>, S))
{
  (t - s, { g in (g, -g.sum()) })
}

/// Rule for `t * s`: `∂t = s·g`, `∂s = Σ g ⊙ t`.
@inlinable public func _vjp<S>(__multiply t: Tensor<S>, _ s: S)
  -> (value: Tensor<S>, pullback: (Tensor<S>) -> (Tensor<S>, S))
{
  (t * s, { g in (g * s, _dot(g, t)) })
}

/// Rule for `t / s`: `∂t = g / s`, `∂s = −Σ g ⊙ t / s²`.
@inlinable public func _vjp<S>(__divide t: Tensor<S>, _ s: S)
  -> (value: Tensor<S>, pullback: (Tensor<S>) -> (Tensor<S>, S))
{
  (t / s, { g in (g / s, -_dot(g, t) / (s * s)) })
}

// MARK: Scalar ⊕ Tensor

/// Rule for `s + t`: `∂s = Σ g`, `∂t = g`.
@inlinable public func _vjp<S>(__add s: S, _ t: Tensor<S>)
  -> (value: Tensor<S>, pullback: (Tensor<S>) -> (S, Tensor<S>))
{
  (s + t, { g in (g.sum(), g) })
}

/// Rule for `s - t`: `∂s = Σ g`, `∂t = −g`.
@inlinable public func _vjp<S>(__subtract s: S, _ t: Tensor<S>)
  -> (value: Tensor<S>, pullback: (Tensor<S>) -> (S, Tensor<S>))
{
  (s - t, { g in (g.sum(), -g) })
}

/// Rule for `s * t`: `∂s = Σ g ⊙ t`, `∂t = s·g`.
@inlinable public func _vjp<S>(__multiply s: S, _ t: Tensor<S>)
  -> (value: Tensor<S>, pullback: (Tensor<S>) -> (S, Tensor<S>))
{
  (s * t, { g in (_dot(g, t), s * g) })
}

/// Rule for `s / t`: with `y = s / t`, `∂s = Σ g / t`, `∂t = −g ⊙ y / t`.
@inlinable public func _vjp<S>(__divide s: S, _ t: Tensor<S>)
  -> (value: Tensor<S>, pullback: (Tensor<S>) -> (S, Tensor<S>))
{
  let value = s / t
  return (value, { g in ((g / t).sum(), -g * value / t) })
}

// MARK: Unary

/// Rule for `-t`: `∂t = −g`.
@inlinable public func _vjp<S>(__negate t: Tensor<S>) -> (value: Tensor<S>, pullback: (Tensor<S>) -> Tensor<S>) {
  (-t, { g in -g })
}

/// Rule for `+t`: `∂t = g`.
@inlinable public func _vjp<S>(__plus t: Tensor<S>) -> (value: Tensor<S>, pullback: (Tensor<S>) -> Tensor<S>) {
  (+t, { g in g })
}

/// `Σ_i a_i b_i` for tensors of one shape.
@inlinable internal func _dot<S: TensorScalar>(_ a: Tensor<S>, _ b: Tensor<S>) -> S {
  precondition(a.shape == b.shape, "Tensor: internal shape mismatch \(a.shape) vs \(b.shape)")
  return a.withUnsafeBufferPointer { x in
    b.withUnsafeBufferPointer { y in
      var total: S = 0
      for i in 0..<x.count { total += x[i] * y[i] }
      return total
    }
  }
}
