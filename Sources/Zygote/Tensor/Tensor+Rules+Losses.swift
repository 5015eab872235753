// Rules for the losses. Both losses return a Scalar, so `g` is a Scalar.

/// Rule for `crossEntropy(logits:labels:)` with integer labels, `p = softmax(logits)`:
/// ```
/// ∂logits[n, c] = (g / N) · (p[n, c] − [c == labels[n]])
/// ```
@inlinable public func _vjp<S>(crossEntropy logits: Tensor<S>, _ labels: [Int])
  -> (value: S, pullback: (S) -> (Tensor<S>, NoTangent))
{
  let value = crossEntropy(logits: logits, labels: labels)
  return (
    value,
    { g in
      var gradient = softmax(logits)
      let classes = logits.shape.last ?? 1
      let scale = g / S(labels.count)
      gradient.withUnsafeMutableBufferPointer { p in
        for (n, label) in labels.enumerated() { p[n * classes + label] -= 1 }
        for i in p.indices { p[i] *= scale }
      }
      return (gradient, NoTangent())
    }
  )
}

/// Rule for `crossEntropy(logits:labels:)` with target probabilities `y`, `p = softmax(logits)`:
/// ```
/// ∂logits[n, c] = (g / N) · (p[n, c] · Σ_k y[n, k] − y[n, c]),    ∂y = −(g / N) · logSoftmax(logits)
/// ```
@inlinable public func _vjp<S>(crossEntropy logits: Tensor<S>, _ labels: Tensor<S>)
  -> (value: S, pullback: (S) -> (Tensor<S>, Tensor<S>))
{
  let value = crossEntropy(logits: logits, labels: labels)
  return (
    value,
    { g in
      let classes = logits.shape.last ?? 1
      let batch = classes == 0 ? 0 : logits.scalarCount / classes
      let scale = g / S(batch)
      let logProbabilities = logSoftmax(logits)
      let rowTotals = labels.rank == 0 ? labels : labels.sum(alongAxis: -1)
      let dLogits = (exp(logProbabilities) * rowTotals - labels) * scale
      return (dLogits, logProbabilities * -scale)
    }
  )
}

/// Rule for `meanSquaredError(predicted:expected:)`, `d = predicted − expected`, `n` scalars:
/// ```
/// ∂predicted = unbroadcast(2g/n · d),   ∂expected = −unbroadcast(2g/n · d)
/// ```
@inlinable public func _vjp<S>(meanSquaredError predicted: Tensor<S>, _ expected: Tensor<S>)
  -> (value: S, pullback: (S) -> (Tensor<S>, Tensor<S>))
{
  let difference = predicted - expected
  let n = S(difference.scalarCount)
  return (
    meanSquaredError(predicted: predicted, expected: expected),
    { g in
      let d = difference * (2 * g / n)
      return (d.unbroadcast(to: predicted.shape), -d.unbroadcast(to: expected.shape))
    }
  )
}
