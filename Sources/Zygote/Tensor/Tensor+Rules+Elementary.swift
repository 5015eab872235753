// Rules for the elementwise functions and the softmax family. `g` is the incoming gradient
// (same shape as the result `y`); products are elementwise.

/// Rule for `exp(x)`: `∂x = g ⊙ y` (with `y = e^x`).
@inlinable public func _vjp<S>(exp x: Tensor<S>) -> (value: Tensor<S>, pullback: (Tensor<S>) -> Tensor<S>) {
  let y = exp(x)
  return (y, { g in g * y })
}

/// Rule for `log(x)`: `∂x = g / x`. Domain `x > 0`; at 0 the gradient is infinite.
@inlinable public func _vjp<S>(log x: Tensor<S>) -> (value: Tensor<S>, pullback: (Tensor<S>) -> Tensor<S>) {
  (log(x), { g in g / x })
}

/// Rule for `sqrt(x)`: `∂x = g / (2√x)`. Domain `x ≥ 0`; infinite at 0.
@inlinable public func _vjp<S>(sqrt x: Tensor<S>) -> (value: Tensor<S>, pullback: (Tensor<S>) -> Tensor<S>) {
  let y = sqrt(x)
  return (y, { g in g.zipMap(y) { $0 / (2 * $1) } })
}

/// Rule for `pow(x, p)` with a scalar exponent:
/// ```
/// ∂x = g ⊙ p·x^(p−1),   ∂p = Σ g ⊙ x^p ⊙ ln x   (terms with x ≤ 0 count as 0)
/// ```
/// `∂x` is exactly 0 where `p == 0`, so `pow(x, 0)` at `x = 0` gives 0, not NaN (compare
/// Zygote.jl #1598).
@inlinable public func _vjp<S>(pow x: Tensor<S>, _ p: S) -> (value: Tensor<S>, pullback: (Tensor<S>) -> (Tensor<S>, S)) {
  let y = pow(x, p)
  return (
    y,
    { g in
      let dx = p == 0 ? Tensor<S>.zeros(shape: x.shape) : g * x.map { p * S._pow($0, p - 1) }
      let dp = _dot(g, _powExponentFactor(x, y))
      return (dx, dp)
    }
  )
}

/// Rule for `pow(x, y)` elementwise with broadcasting, `z = x^y`:
/// ```
/// ∂x = unbroadcast(g ⊙ y·x^(y−1)),   ∂y = unbroadcast(g ⊙ z ⊙ ln x)   (0 where x ≤ 0)
/// ```
@inlinable public func _vjp<S>(pow x: Tensor<S>, _ y: Tensor<S>)
  -> (value: Tensor<S>, pullback: (Tensor<S>) -> (Tensor<S>, Tensor<S>))
{
  let z = pow(x, y)
  return (
    z,
    { g in
      let dx = g * x.zipMap(y) { $1 == 0 ? 0 : $1 * S._pow($0, $1 - 1) }
      let dy = g * _powExponentFactor(x.broadcast(to: z.shape), z)
      return (dx.unbroadcast(to: x.shape), dy.unbroadcast(to: y.shape))
    }
  )
}

/// `x^p · ln x` elementwise, 0 where `x ≤ 0` (the exponent's derivative, where it exists).
@inlinable internal func _powExponentFactor<S: TensorScalar>(_ x: Tensor<S>, _ z: Tensor<S>) -> Tensor<S> {
  x.zipMap(z) { $0 > 0 ? $1 * S._log($0) : 0 }
}

/// Rule for `tanh(x)`: `∂x = g ⊙ (1 − y²)`.
@inlinable public func _vjp<S>(tanh x: Tensor<S>) -> (value: Tensor<S>, pullback: (Tensor<S>) -> Tensor<S>) {
  let y = tanh(x)
  return (y, { g in g.zipMap(y) { $0 * (1 - $1 * $1) } })
}

/// Rule for `sigmoid(x)`: `∂x = g ⊙ y ⊙ (1 − y)`.
@inlinable public func _vjp<S>(sigmoid x: Tensor<S>) -> (value: Tensor<S>, pullback: (Tensor<S>) -> Tensor<S>) {
  let y = sigmoid(x)
  return (y, { g in g.zipMap(y) { $0 * $1 * (1 - $1) } })
}

/// Rule for `relu(x)`: `∂x = g` where `x > 0`, else 0 (the subgradient 0 at the kink `x = 0`).
@inlinable public func _vjp<S>(relu x: Tensor<S>) -> (value: Tensor<S>, pullback: (Tensor<S>) -> Tensor<S>) {
  (relu(x), { g in g.zipMap(x) { $1 > 0 ? $0 : 0 } })
}

/// Rule for `leakyRelu(x)` (default `alpha = 0.01`): `∂x = g` where `x > 0`, else `alpha·g`.
@inlinable public func _vjp<S>(leakyRelu x: Tensor<S>) -> (value: Tensor<S>, pullback: (Tensor<S>) -> Tensor<S>) {
  let alpha: S = 0.01
  return (leakyRelu(x, alpha: alpha), { g in g.zipMap(x) { $1 > 0 ? $0 : alpha * $0 } })
}

/// Rule for `leakyRelu(x, alpha: a)`:
/// ```
/// ∂x = g where x > 0, else a·g;     ∂a = Σ_{x ≤ 0} g ⊙ x
/// ```
@inlinable public func _vjp<S>(leakyRelu x: Tensor<S>, _ alpha: S)
  -> (value: Tensor<S>, pullback: (Tensor<S>) -> (Tensor<S>, S))
{
  (
    leakyRelu(x, alpha: alpha),
    { g in (g.zipMap(x) { $1 > 0 ? $0 : alpha * $0 }, _dot(g, x.map { $0 > 0 ? 0 : $0 })) }
  )
}

/// Rule for `softplus(x)`: `∂x = g ⊙ σ(x)`.
@inlinable public func _vjp<S>(softplus x: Tensor<S>) -> (value: Tensor<S>, pullback: (Tensor<S>) -> Tensor<S>) {
  (softplus(x), { g in g * sigmoid(x) })
}

/// Rule for `softmax(x)` (last axis), `y = softmax(x)`:
/// ```
/// ∂x[…, i] = y[…, i] · (g[…, i] − Σ_j g[…, j] y[…, j])
/// ```
@inlinable public func _vjp<S>(softmax x: Tensor<S>) -> (value: Tensor<S>, pullback: (Tensor<S>) -> Tensor<S>) {
  let y = softmax(x)
  return (y, { g in _softmaxPullback(g, y, logarithm: false) })
}

/// Rule for `logSoftmax(x)` (last axis), `p = softmax(x)`:
/// ```
/// ∂x[…, i] = g[…, i] − p[…, i] · Σ_j g[…, j]
/// ```
@inlinable public func _vjp<S>(logSoftmax x: Tensor<S>) -> (value: Tensor<S>, pullback: (Tensor<S>) -> Tensor<S>) {
  let y = logSoftmax(x)
  return (y, { g in _softmaxPullback(g, y, logarithm: true) })
}

/// The softmax pullbacks, row by row over the last axis. `y` is the forward result (softmax,
/// or log-softmax when `logarithm` is true).
@inlinable internal func _softmaxPullback<S: TensorScalar>(_ g: Tensor<S>, _ y: Tensor<S>, logarithm: Bool) -> Tensor<S> {
  let width = y.shape.last ?? 1
  let rows = width == 0 ? 0 : y.scalarCount / width
  return g.withUnsafeBufferPointer { gs in
    y.withUnsafeBufferPointer { ys in
      Tensor(shape: y.shape) { out in
        for r in 0..<rows {
          let base = r * width
          if logarithm {
            var total: S = 0
            for j in 0..<width { total += gs[base + j] }
            for j in 0..<width {
              (out.baseAddress! + base + j).initialize(to: gs[base + j] - S._exp(ys[base + j]) * total)
            }
          } else {
            var total: S = 0
            for j in 0..<width { total += gs[base + j] * ys[base + j] }
            for j in 0..<width {
              (out.baseAddress! + base + j).initialize(to: ys[base + j] * (gs[base + j] - total))
            }
          }
        }
      }
    }
  }
}
