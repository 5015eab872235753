// Losses: softmax cross-entropy and mean squared error. Both return a Scalar, so a loss closure
// built on them is seeded with 1 like any scalar function.

/// The mean softmax cross-entropy of `logits` (`[batch, classes]`, or `[classes]` for one
/// example) against integer class `labels` (one per example):
///
/// ```
/// loss = −(1/N) Σ_n logSoftmax(logits)[n, labels[n]]
/// ```
///
/// - Precondition: `labels.count` is the batch size and every label is in `0..<classes`.
@inlinable public func crossEntropy<Scalar>(logits: Tensor<Scalar>, labels: [Int]) -> Scalar {
  let classes = logits.shape.last ?? 1
  let batch = classes == 0 ? 0 : logits.scalarCount / classes
  precondition(
    labels.count == batch, "crossEntropy: \(labels.count) labels for a batch of \(batch) (logits \(logits.shape))")
  let logProbabilities = logSoftmax(logits)
  return logProbabilities.withUnsafeBufferPointer { p in
    var total: Scalar = 0
    for (n, label) in labels.enumerated() {
      precondition(label >= 0 && label < classes, "crossEntropy: label \(label) out of range 0..<\(classes)")
      total -= p[n * classes + label]
    }
    return total / Scalar(batch)
  }
}

/// The mean softmax cross-entropy of `logits` against target probabilities `labels` of the
/// same shape (for example one-hot rows):
///
/// ```
/// loss = −(1/N) Σ_n Σ_c labels[n, c] · logSoftmax(logits)[n, c]
/// ```
/// where `N` is the number of rows (the product of all but the last extent).
@inlinable public func crossEntropy<Scalar>(logits: Tensor<Scalar>, labels: Tensor<Scalar>) -> Scalar {
  precondition(
    logits.shape == labels.shape, "crossEntropy: logits \(logits.shape) and labels \(labels.shape) differ")
  let classes = logits.shape.last ?? 1
  let batch = classes == 0 ? 0 : logits.scalarCount / classes
  return -(labels * logSoftmax(logits)).sum() / Scalar(batch)
}

/// The mean squared error `(1/n) Σ_i (predicted_i − expected_i)²`, with the shapes broadcast
/// against each other (`n` is the broadcast shape's scalar count).
@inlinable public func meanSquaredError<Scalar>(predicted: Tensor<Scalar>, expected: Tensor<Scalar>) -> Scalar {
  let difference = predicted - expected
  return difference.withUnsafeBufferPointer { d in
    var total: Scalar = 0
    for v in d { total += v * v }
    return total / Scalar(d.count)
  }
}
