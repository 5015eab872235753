#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a fuzz run does, from the environment:
///
/// - `ZYGOTE_FUZZ_SEED`: the run's seed (decimal or `0x` hexadecimal); a fixed default otherwise,
///   so that CI runs are reproducible.
/// - `ZYGOTE_FUZZ_COUNT`: the number of in-process inputs (the plugin gets a tenth as many
///   requests and proportionally many broken streams); raise it to fuzz longer.
/// - `ZYGOTE_FUZZ_INDEX`: run only this input of the seed's sequence, and print it: the replay of
///   a failure.
struct FuzzConfiguration {
  /// The default seed.
  static let defaultSeed: UInt64 = 0x5EED_2026_0005

  /// The seed of every generated input.
  var seed: UInt64
  /// How many in-process inputs to run.
  var count: Int
  /// The one input to replay, if any.
  var onlyIndex: Int?

  /// The configuration from the environment, with `defaultCount` in-process inputs unless
  /// `ZYGOTE_FUZZ_COUNT` says otherwise.
  static func fromEnvironment(defaultCount: Int) -> FuzzConfiguration {
    FuzzConfiguration(
      seed: variable("ZYGOTE_FUZZ_SEED").flatMap(parse) ?? defaultSeed,
      count: variable("ZYGOTE_FUZZ_COUNT").flatMap { Int($0) }.map { max($0, 0) } ?? defaultCount,
      onlyIndex: variable("ZYGOTE_FUZZ_INDEX").flatMap { Int($0) })
  }

  /// The indices to run.
  var indices: [Int] {
    if let onlyIndex { return [onlyIndex] }
    return Array(0..<count)
  }

  /// How to replay input `index` of the test `test`.
  func replayCommand(index: Int, test: String) -> String {
    "ZYGOTE_FUZZ_SEED=\(hex(seed)) ZYGOTE_FUZZ_INDEX=\(index) swift test --filter \(test)"
  }

  /// `0x…` for a seed.
  func hex(_ value: UInt64) -> String {
    "0x" + String(value, radix: 16, uppercase: true)
  }

  private static func variable(_ name: String) -> String? {
    guard let value = getenv(name) else { return nil }
    let text = String(cString: value).trimmingSpaces
    return text.isEmpty ? nil : text
  }

  private static func parse(_ text: String) -> UInt64? {
    let lower = text.lowercased()
    if lower.hasPrefix("0x") { return UInt64(lower.dropFirst(2), radix: 16) }
    return UInt64(lower)
  }
}

extension String {
  /// The string without leading and trailing spaces, tabs and line breaks.
  fileprivate var trimmingSpaces: String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
    return String(self[first...last])
  }
}
