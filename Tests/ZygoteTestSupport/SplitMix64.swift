/// A small seeded random number generator (Steele, Lea and Flood's SplitMix64), so that every
/// fuzz input can be regenerated from the run's seed and its index.
public struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64

  /// Creates a generator; equal seeds give equal sequences.
  public init(seed: UInt64) {
    state = seed
  }

  /// The generator for input `index` of a run with `seed`: independent of every other input's,
  /// so one input can be replayed alone.
  public init(seed: UInt64, index: Int) {
    var mixer = SplitMix64(seed: seed ^ (UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03))
    state = mixer.next()
  }

  /// The next number of the sequence.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in `0..<bound` (0 when `bound` is not positive).
  public mutating func below(_ bound: Int) -> Int {
    bound <= 0 ? 0 : Int(next() % UInt64(bound))
  }

  /// True with probability `percent`/100.
  public mutating func chance(_ percent: Int) -> Bool {
    below(100) < percent
  }

  /// A random element of a non-empty collection.
  public mutating func pick<C: Collection>(_ elements: C) -> C.Element where C.Index == Int {
    elements[elements.startIndex + below(elements.count)]
  }
}
