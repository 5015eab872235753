// Rules for shape manipulation: each pullback moves the gradient back into the operand's
// layout (reshape back, transpose back, scatter an indexed entry, split a concatenation).

extension Tensor {
  /// Rule for `t.reshaped(to: s)`: `∂t = g.reshaped(to: t.shape)`.
  @inlinable public func _vjpm(reshaped newShape: [Int]) -> (value: Tensor, pullback: (Tensor) -> (Tensor, NoTangent)) {
    let shape = _shape
    return (reshaped(to: newShape), { g in (g.reshaped(to: shape), NoTangent()) })
  }

  /// Rule for `t.transposed()`: `∂t = gᵀ` (axes reversed back).
  @inlinable public func _vjpm(transposed _: Void) -> (value: Tensor, pullback: (Tensor) -> Tensor) {
    (transposed(), { g in g.transposed() })
  }

  /// Rule for `t.flattened()`: `∂t = g.reshaped(to: t.shape)`.
  @inlinable public func _vjpm(flattened _: Void) -> (value: Tensor, pullback: (Tensor) -> Tensor) {
    let shape = _shape
    return (flattened(), { g in g.reshaped(to: shape) })
  }

  /// Rule for `t.broadcast(to: s)`: `∂t = g.unbroadcast(to: t.shape)` (sum over the repeats).
  @inlinable public func _vjpm(broadcast newShape: [Int]) -> (value: Tensor, pullback: (Tensor) -> (Tensor, NoTangent)) {
    let shape = _shape
    return (broadcast(to: newShape), { g in (g.unbroadcast(to: shape), NoTangent()) })
  }

  /// Rule for `t.unbroadcast(to: s)`: `∂t = g.broadcast(to: t.shape)`.
  @inlinable public func _vjpm(unbroadcast newShape: [Int]) -> (value: Tensor, pullback: (Tensor) -> (Tensor, NoTangent)) {
    let shape = _shape
    return (unbroadcast(to: newShape), { g in (g.broadcast(to: shape), NoTangent()) })
  }

  /// Rule for `t[i]` (method-style spelling): `∂t` is zero except entry `i`, which is `g`.
  @inlinable public func _vjpm(subscript index: Int) -> (value: Tensor, pullback: (Tensor) -> (Tensor, NoTangent)) {
    _vjp(subscript: self, index)
  }

  /// Rule for `t[r]` (method-style spelling): `∂t` is zero except entries `r`, which are `g`.
  @inlinable public func _vjpm(subscript range: Range<Int>) -> (value: Tensor, pullback: (Tensor) -> (Tensor, NoTangent)) {
    _vjp(subscript: self, range)
  }
}

/// Rule for `t[i]`: `∂t` is zero except entry `i` along the first axis, which is `g`.
@inlinable public func _vjp<S>(subscript t: Tensor<S>, _ index: Int)
  -> (value: Tensor<S>, pullback: (Tensor<S>) -> (Tensor<S>, NoTangent))
{
  let shape = t.shape
  return (
    t[index],
    { g in
      var result = Tensor<S>.zeros(shape: shape)
      result[index] = g
      return (result, NoTangent())
    }
  )
}

/// Rule for `t[r]`: `∂t` is zero except entries `r` along the first axis, which are `g`.
@inlinable public func _vjp<S>(subscript t: Tensor<S>, _ range: Range<Int>)
  -> (value: Tensor<S>, pullback: (Tensor<S>) -> (Tensor<S>, NoTangent))
{
  let shape = t.shape
  return (
    t[range],
    { g in
      var result = Tensor<S>.zeros(shape: shape)
      result[range] = g
      return (result, NoTangent())
    }
  )
}

/// Rule for `concatenate(ts, alongAxis: a)`: `∂ts` is `g` split back into pieces of the
/// operands' extents along `a`.
@inlinable public func _vjp<S>(concatenate tensors: [Tensor<S>], _ axis: Int)
  -> (value: Tensor<S>, pullback: (Tensor<S>) -> ([Tensor<S>], NoTangent))
{
  let rank = tensors.first?.rank ?? 1
  let normalized = axis < 0 ? axis + rank : axis
  let sizes = tensors.map { $0.shape[normalized] }
  return (
    concatenate(tensors, alongAxis: axis),
    { g in (split(g, sizes: sizes, alongAxis: normalized), NoTangent()) }
  )
}

/// Rule for `concatenate(ts)` (along the first axis).
@inlinable public func _vjp<S>(concatenate tensors: [Tensor<S>])
  -> (value: Tensor<S>, pullback: (Tensor<S>) -> [Tensor<S>])
{
  let (value, pullback) = _vjp(concatenate: tensors, 0)
  return (value, { g in pullback(g).0 })
}

/// Rule for `stack(ts, alongAxis: a)`: `∂ts[i]` is slice `i` of `g` along the new axis `a`.
@inlinable public func _vjp<S>(stack tensors: [Tensor<S>], _ axis: Int)
  -> (value: Tensor<S>, pullback: (Tensor<S>) -> ([Tensor<S>], NoTangent))
{
  let shape = tensors.first?.shape ?? []
  let normalized = axis < 0 ? axis + shape.count + 1 : axis
  return (
    stack(tensors, alongAxis: axis),
    { g in
      let pieces = split(g, sizes: [Int](repeating: 1, count: tensors.count), alongAxis: normalized)
      return (pieces.map { $0.reshaped(to: shape) }, NoTangent())
    }
  )
}

/// Rule for `stack(ts)` (along a new first axis).
@inlinable public func _vjp<S>(stack tensors: [Tensor<S>])
  -> (value: Tensor<S>, pullback: (Tensor<S>) -> [Tensor<S>])
{
  let (value, pullback) = _vjp(stack: tensors, 0)
  return (value, { g in pullback(g).0 })
}

/// Rule for `split(t, sizes: s, alongAxis: a)`: `∂t` is the pieces' gradients concatenated
/// back along `a`.
@inlinable public func _vjp<S>(split t: Tensor<S>, _ sizes: [Int], _ axis: Int)
  -> (value: [Tensor<S>], pullback: ([Tensor<S>]) -> (Tensor<S>, NoTangent, NoTangent))
{
  (split(t, sizes: sizes, alongAxis: axis), { g in (concatenate(g, alongAxis: axis), NoTangent(), NoTangent()) })
}

/// Rule for `split(t, sizes: s)` (along the first axis).
@inlinable public func _vjp<S>(split t: Tensor<S>, _ sizes: [Int])
  -> (value: [Tensor<S>], pullback: ([Tensor<S>]) -> (Tensor<S>, NoTangent))
{
  (split(t, sizes: sizes), { g in (concatenate(g), NoTangent()) })
}

extension Tensor {
  /// Rule for `t.withNewIdentity()`: the value passes through, `∂t = g`.
  @inlinable public func _vjpm(withNewIdentity _: Void) -> (value: Tensor, pullback: (Tensor) -> Tensor) {
    (withNewIdentity(), { g in g })
  }

  /// Rule for `t.argmax()`: an integer result carries no derivative, so the pullback takes
  /// ``NoTangent`` and gives zeros.
  @inlinable public func _vjpm(argmax _: Void) -> (value: Int, pullback: (NoTangent) -> Tensor) {
    let shape = _shape
    return (argmax(), { _ in Tensor.zeros(shape: shape) })
  }
}
