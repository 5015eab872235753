// Seeded random tensors. Every random initializer takes either a seed or a generator, so runs
// are reproducible; the generator is SplitMix64 (Steele, Lea & Flood 2014), small and fast.

/// A seeded, deterministic random number generator (SplitMix64): the same seed gives the same
/// sequence on every platform.
///
/// ```swift
/// var generator = SeededRandomGenerator(seed: 42)
/// let w = Tensor<Float>.randomNormal(shape: [64, 10], using: &generator)
/// ```
public struct SeededRandomGenerator: RandomNumberGenerator, Sendable {
  /// The generator's state.
  public var state: UInt64

  /// A generator whose sequence is determined by `seed`.
  @inlinable public init(seed: UInt64) { state = seed }

  /// The next 64 random bits.
  @inlinable public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

extension Tensor {
  /// A tensor of `shape` with scalars drawn uniformly from `range`, using `generator`.
  @inlinable public static func randomUniform<G: RandomNumberGenerator>(
    shape: [Int], in range: Range<Scalar> = 0..<1, using generator: inout G
  ) -> Tensor {
    Tensor(shape: shape) { out in
      for i in 0..<out.count {
        (out.baseAddress! + i).initialize(to: Scalar.random(in: range, using: &generator))
      }
    }
  }

  /// A tensor of `shape` with scalars drawn uniformly from `range`, reproducibly from `seed`.
  @inlinable public static func randomUniform(
    shape: [Int], in range: Range<Scalar> = 0..<1, seed: UInt64
  ) -> Tensor {
    var generator = SeededRandomGenerator(seed: seed)
    return randomUniform(shape: shape, in: range, using: &generator)
  }

  /// A tensor of `shape` with normally distributed scalars (Box–Muller), using `generator`.
  @inlinable public static func randomNormal<G: RandomNumberGenerator>(
    shape: [Int], mean: Scalar = 0, standardDeviation: Scalar = 1, using generator: inout G
  ) -> Tensor {
    Tensor(shape: shape) { out in
      var i = 0
      while i < out.count {
        // u1 in (0, 1] so that log(u1) is finite.
        let u1 = 1 - Scalar.random(in: 0..<1, using: &generator)
        let u2 = Scalar.random(in: 0..<1, using: &generator)
        let radius = (-2 * Scalar._log(u1)).squareRoot()
        let angle = 2 * Scalar.pi * u2
        let c = Scalar._cos(angle)
        let s = Scalar._sin(angle)
        (out.baseAddress! + i).initialize(to: mean + standardDeviation * radius * c)
        if i + 1 < out.count {
          (out.baseAddress! + i + 1).initialize(to: mean + standardDeviation * radius * s)
        }
        i += 2
      }
    }
  }

  /// A tensor of `shape` with normally distributed scalars, reproducibly from `seed`.
  @inlinable public static func randomNormal(
    shape: [Int], mean: Scalar = 0, standardDeviation: Scalar = 1, seed: UInt64
  ) -> Tensor {
    var generator = SeededRandomGenerator(seed: seed)
    return randomNormal(shape: shape, mean: mean, standardDeviation: standardDeviation, using: &generator)
  }

  /// Glorot (Xavier) uniform initialisation for a weight matrix of shape `[fanIn, fanOut]` or
  /// `[fanOut, fanIn]`: uniform in `±√(6 / (fanIn + fanOut))`.
  @inlinable public static func glorotUniform<G: RandomNumberGenerator>(
    shape: [Int], using generator: inout G
  ) -> Tensor {
    precondition(shape.count >= 2, "glorotUniform: needs a shape of rank 2 or more, got \(shape)")
    let receptive = shape.dropLast(2).reduce(1, *)
    let fans = Scalar(shape[shape.count - 2] * receptive + shape[shape.count - 1] * receptive)
    let limit = (6 / fans).squareRoot()
    return randomUniform(shape: shape, in: -limit..<limit, using: &generator)
  }

  /// Glorot (Xavier) uniform initialisation, reproducibly from `seed`.
  @inlinable public static func glorotUniform(shape: [Int], seed: UInt64) -> Tensor {
    var generator = SeededRandomGenerator(seed: seed)
    return glorotUniform(shape: shape, using: &generator)
  }
}
