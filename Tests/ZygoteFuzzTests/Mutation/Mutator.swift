import ZygoteTestSupport
/// Mutations of Swift source text, on bytes and on rough tokens: truncations, deletions, swaps,
/// duplications, random bytes (invalid UTF-8 included), deep nesting, huge literals and long
/// identifiers.
///
/// The rough tokens come from `RoughTokens`, not from the lexer under test, so that a lexer bug
/// cannot hide itself by breaking the fuzzer's own input generation.
enum Mutator {
  /// Text the fuzzer likes to insert: keywords, operators, delimiters and the openers of
  /// literals and comments that must be closed.
  static let vocabulary: [String] = [
    "(", ")", "{", "}", "[", "]", "<", ">", ",", ":", ";", ".", "..", "...", "..<", "->", "=", "==", "+", "-", "*",
    "/", "%", "&&", "||", "!", "?", "??", "&", "@", "#", "\\", "$0", "$", "_", "`", "'",
    "\"", "\"\"\"", "#\"", "\"#", "\\(", "\\#(", "/*", "*/", "//", "\n", "\r", "\r\n", "\t", " ",
    "func", "let", "var", "if", "else", "for", "in", "while", "repeat", "return", "break", "continue", "switch",
    "case", "default", "guard", "defer", "do", "catch", "throw", "throws", "try", "await", "async", "inout",
    "struct", "class", "enum", "extension", "protocol", "init", "self", "Self", "super", "nil", "true", "where",
    "some", "any", "is", "as", "as?", "as!", "static", "mutating", "fallthrough", "subscript", "typealias",
    "@Differentiable", "@Adjoint(of: f)", "@DifferentiableStruct", "@escaping", "@inlinable", "#if", "#else",
    "#endif", "#gradient(", "#derivative(f, at: 1)", "#line", "#selector", "{ x in", "{ $0 }", "x", "y", "s",
    "Double", "[Double]", "(Double) -> Double", "0", "1.5", "0x1p-3", "1e308", "0b1", "0o7", "-", "é",
    "😀", "\u{0301}", "\u{FEFF}", "\u{0}", "\u{7F}", "\u{200B}", "\u{2028}",
  ]

  /// Applies 1 to 4 random mutations to `source` and returns the bytes.
  static func mutate(_ source: [UInt8], using generator: inout SplitMix64, donors: [String]) -> [UInt8] {
    var bytes = source
    for _ in 0..<(1 + generator.below(4)) {
      bytes = mutateOnce(bytes, using: &generator, donors: donors)
    }
    return bytes
  }

  /// One random mutation.
  static func mutateOnce(_ bytes: [UInt8], using generator: inout SplitMix64, donors: [String]) -> [UInt8] {
    let tokens = RoughTokens.split(bytes)
    switch generator.below(100) {
    case 0..<12:
      return truncate(bytes, using: &generator)
    case 12..<26:
      return deleteTokens(bytes, tokens, using: &generator)
    case 26..<38:
      return swapTokens(bytes, tokens, using: &generator)
    case 38..<48:
      return duplicateTokens(bytes, tokens, using: &generator)
    case 48..<60:
      return insert(Array(generator.pick(vocabulary).utf8), into: bytes, tokens, using: &generator)
    case 60..<70:
      return insertRandomBytes(bytes, using: &generator)
    case 70..<77:
      return replaceToken(bytes, tokens, with: Array(hugeLiteral(using: &generator).utf8), using: &generator)
    case 77..<83:
      return replaceToken(bytes, tokens, with: Array(longIdentifier(using: &generator).utf8), using: &generator)
    case 83..<90:
      return insertNesting(bytes, tokens, using: &generator)
    case 90..<95:
      // Crossover: a slice of another seed.
      let donor = Array(generator.pick(donors).utf8)
      let start = generator.below(donor.count)
      let slice = Array(donor[start..<min(donor.count, start + 1 + generator.below(80))])
      return insert(slice, into: bytes, tokens, using: &generator)
    default:
      return flipBits(bytes, using: &generator)
    }
  }

  // MARK: Mutations

  /// Cuts the text at a random byte (possibly inside a UTF-8 sequence).
  static func truncate(_ bytes: [UInt8], using generator: inout SplitMix64) -> [UInt8] {
    Array(bytes.prefix(generator.below(bytes.count + 1)))
  }

  /// Deletes one to three consecutive tokens.
  static func deleteTokens(_ bytes: [UInt8], _ tokens: [Range<Int>], using generator: inout SplitMix64) -> [UInt8] {
    guard !tokens.isEmpty else { return bytes }
    let first = generator.below(tokens.count)
    let last = min(tokens.count - 1, first + generator.below(3))
    return Array(bytes[..<tokens[first].lowerBound] + bytes[tokens[last].upperBound...])
  }

  /// Swaps two tokens.
  static func swapTokens(_ bytes: [UInt8], _ tokens: [Range<Int>], using generator: inout SplitMix64) -> [UInt8] {
    guard tokens.count >= 2 else { return bytes }
    var a = generator.below(tokens.count)
    var b = generator.below(tokens.count)
    if a == b { return bytes }
    if a > b { swap(&a, &b) }
    let first = tokens[a]
    let second = tokens[b]
    return Array(
      bytes[..<first.lowerBound] + bytes[second] + bytes[first.upperBound..<second.lowerBound] + bytes[first]
        + bytes[second.upperBound...])
  }

  /// Repeats a run of one to eight tokens up to 20 times.
  static func duplicateTokens(_ bytes: [UInt8], _ tokens: [Range<Int>], using generator: inout SplitMix64) -> [UInt8] {
    guard !tokens.isEmpty else { return bytes }
    let first = generator.below(tokens.count)
    let last = min(tokens.count - 1, first + generator.below(8))
    let run = bytes[tokens[first].lowerBound..<tokens[last].upperBound]
    let copies = 1 + generator.below(generator.chance(10) ? 20 : 3)
    var result = Array(bytes[..<tokens[last].upperBound])
    for _ in 0..<copies { result += run }
    return result + bytes[tokens[last].upperBound...]
  }

  /// Inserts `text` at a token boundary (or anywhere, one time in four).
  static func insert(_ text: [UInt8], into bytes: [UInt8], _ tokens: [Range<Int>], using generator: inout SplitMix64)
    -> [UInt8]
  {
    let position =
      tokens.isEmpty || generator.chance(25)
      ? generator.below(bytes.count + 1) : generator.pick(tokens).lowerBound
    return Array(bytes[..<position] + text + bytes[position...])
  }

  /// Inserts one to eight random bytes, often not valid UTF-8.
  static func insertRandomBytes(_ bytes: [UInt8], using generator: inout SplitMix64) -> [UInt8] {
    let position = generator.below(bytes.count + 1)
    let interesting: [UInt8] = [0x00, 0x80, 0xBF, 0xC0, 0xC3, 0xE2, 0xED, 0xF0, 0xF4, 0xF8, 0xFE, 0xFF, 0x0D, 0x0A, 0x22, 0x5C]
    let inserted = (0..<(1 + generator.below(8))).map { _ in
      generator.chance(50) ? generator.pick(interesting) : UInt8(truncatingIfNeeded: generator.next())
    }
    return Array(bytes[..<position] + inserted + bytes[position...])
  }

  /// Replaces a token with `replacement`.
  static func replaceToken(_ bytes: [UInt8], _ tokens: [Range<Int>], with replacement: [UInt8], using generator: inout SplitMix64)
    -> [UInt8]
  {
    guard !tokens.isEmpty else { return replacement }
    let token = generator.pick(tokens)
    return Array(bytes[..<token.lowerBound] + replacement + bytes[token.upperBound...])
  }

  /// Puts many openers (and sometimes as many closers) of one kind around a random token.
  static func insertNesting(_ bytes: [UInt8], _ tokens: [Range<Int>], using generator: inout SplitMix64) -> [UInt8] {
    guard !tokens.isEmpty else { return bytes }
    let pairs: [(String, String)] = [
      ("(", ")"), ("[", "]"), ("{", "}"), ("{ ", " }"), ("if x { ", " }"), ("-", ""), ("!", ""), ("f(", ")"),
      ("{ x in ", " }"), ("\"\\(", ")\""), ("/*", "*/"), ("Array<", ">"), ("(x, ", ")"), ("x.", ""), ("try ", ""),
    ]
    let (open, close) = generator.pick(pairs)
    let depth = generator.chance(5) ? 1000 + generator.below(4000) : 1 + generator.below(300)
    let token = generator.pick(tokens)
    let closing = generator.chance(70) ? String(repeating: close, count: depth) : ""
    return Array(bytes[..<token.lowerBound]) + Array(String(repeating: open, count: depth).utf8) + Array(bytes[token])
      + Array(closing.utf8) + Array(bytes[token.upperBound...])
  }

  /// Flips one to four random bits.
  static func flipBits(_ bytes: [UInt8], using generator: inout SplitMix64) -> [UInt8] {
    guard !bytes.isEmpty else { return bytes }
    var result = bytes
    for _ in 0..<(1 + generator.below(4)) {
      result[generator.below(result.count)] ^= UInt8(1) << UInt8(generator.below(8))
    }
    return result
  }

  // MARK: Extreme tokens

  /// A numeric literal far outside every type's range, or malformed.
  static func hugeLiteral(using generator: inout SplitMix64) -> String {
    let length = generator.chance(1) ? 20_000 : 1 + generator.below(400)
    switch generator.below(8) {
    case 0: return "1" + String(repeating: "0", count: length)
    case 1: return "0x" + String(repeating: "F", count: length)
    case 2: return "1.0e" + String(repeating: "9", count: min(length, 30))
    case 3: return "0." + String(repeating: "0", count: length) + "1e-99999"
    case 4: return "0b" + String(repeating: "1", count: length)
    case 5: return "9_223_372_036_854_775_808" + String(repeating: "_0", count: length)
    case 6: return "0x1.fffffffffffffp+" + String(repeating: "9", count: min(length, 30))
    default: return String(repeating: "9", count: length) + "." + String(repeating: "9", count: length)
    }
  }

  /// A very long or unusual identifier.
  static func longIdentifier(using generator: inout SplitMix64) -> String {
    let length = generator.chance(1) ? 50_000 : 1 + generator.below(2_000)
    switch generator.below(5) {
    case 0: return String(repeating: "a", count: length)
    case 1: return "_" + String(repeating: "x1", count: length / 2)
    case 2: return "`" + String(repeating: "é", count: length / 2) + "`"
    case 3: return String(repeating: "\u{1F600}", count: min(length, 500))
    default: return "e" + String(repeating: "\u{0301}", count: min(length, 1_000))
    }
  }
}

/// A rough split of source bytes into tokens: runs of identifier bytes (non-ASCII included), of
/// whitespace, of operator characters, and single other bytes.
enum RoughTokens {
  /// The tokens' byte ranges, in order, whitespace runs left out.
  static func split(_ bytes: [UInt8]) -> [Range<Int>] {
    var tokens: [Range<Int>] = []
    var index = 0
    while index < bytes.count {
      let start = index
      let kind = classify(bytes[index])
      if kind == .other {
        index += 1
      } else {
        while index < bytes.count, classify(bytes[index]) == kind { index += 1 }
      }
      if kind != .space { tokens.append(start..<index) }
    }
    return tokens
  }

  private enum Kind: UInt8 { case word, space, symbol, other }

  /// The kind of each byte value.
  private static let kinds: [Kind] = (0...255).map { value in
    let byte = UInt8(value)
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
      UInt8(ascii: "_"), 0x80...0xFF:
      return .word
    case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
      return .space
    default:
      return Array("+-*/=<>!&|%^~?.".utf8).contains(byte) ? .symbol : .other
    }
  }

  private static func classify(_ byte: UInt8) -> Kind {
    kinds[Int(byte)]
  }
}
