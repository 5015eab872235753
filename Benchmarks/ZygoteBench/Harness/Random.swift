// Seeded inputs, so that every run and every version benchmarks the same numbers.

/// SplitMix64: a small, fast, seeded generator.
struct SeededGenerator {
  private var state: UInt64

  /// Creates a generator; the same seed always gives the same sequence.
  init(seed: UInt64) {
    state = seed
  }

  /// The next 64 random bits.
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform Double in `range`.
  mutating func next(in range: ClosedRange<Double>) -> Double {
    let unit = Double(next() >> 11) / Double(1 << 53)
    return range.lowerBound + unit * (range.upperBound - range.lowerBound)
  }

  /// `count` uniform Doubles in `range`.
  mutating func array(_ count: Int, in range: ClosedRange<Double>) -> [Double] {
    var result: [Double] = []
    result.reserveCapacity(count)
    for _ in 0..<count { result.append(next(in: range)) }
    return result
  }
}

/// `value`, in a form the optimizer cannot know at compile time.
///
/// Without this, inputs written as literals (`State(x: 0.7, y: 1.3)`) were folded into the
/// closures: W1's forward and its `_Differentiation` gradient measured 5.8 ns, the cost of an
/// empty call. `CommandLine.arguments` is never empty, but the compiler cannot know that.
@inline(never)
func opaque(_ value: Double) -> Double {
  CommandLine.arguments.isEmpty ? value + 1 : value
}

/// `value`, in a form the optimizer cannot know at compile time.
@inline(never)
func opaque(_ value: Int) -> Int {
  CommandLine.arguments.isEmpty ? value + 1 : value
}
