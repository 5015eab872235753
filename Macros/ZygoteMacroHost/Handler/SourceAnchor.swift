/// Turns offsets relative to a node's `source` into absolute positions in the user's file.
///
/// The host's `location.offset` is the offset of the first byte of `source`, leading trivia
/// included (see ``SourceLocationPayload``), so an offset `k` inside `source` is at
/// `location.offset + k` in the file. Offsets outside `source` are clamped to it, so a
/// transform bug can never make the host point into unrelated code.
struct SourceAnchor {
  /// The file name every position carries.
  let fileName: String
  /// Offset of `source`'s first byte in the file.
  let baseOffset: Int
  /// The node's text as UTF-8.
  let utf8: [UInt8]

  init(_ syntax: SyntaxPayload) {
    fileName = syntax.location.fileName
    // A nonsensical host offset must not overflow the additions below.
    baseOffset = min(max(syntax.location.offset, 0), Int(Int32.max))
    utf8 = Array(syntax.source.utf8)
  }

  /// `relative` clamped into `0...utf8.count`.
  func clamp(_ relative: Int) -> Int { min(max(relative, 0), utf8.count) }

  /// The absolute offset of a relative one.
  func absolute(_ relative: Int) -> Int { baseOffset + clamp(relative) }

  /// The absolute range of a relative one, exactly as given (clamped). For fix-its.
  func exactRange(start: Int, end: Int) -> WireDiagnostic.PositionRange {
    let lower = clamp(start)
    let upper = max(lower, clamp(end))
    return .init(fileName: fileName, startOffset: baseOffset + lower, endOffset: baseOffset + upper)
  }

  /// The absolute range of a relative one without the trivia at its edges, for the caret and
  /// underline: a range that starts with a newline or a comment would otherwise put the caret
  /// at the end of the previous line. A range of trivia only is kept as it is.
  func displayedRange(start: Int, end: Int) -> WireDiagnostic.PositionRange {
    var lower = clamp(start)
    var upper = max(lower, clamp(end))
    let firstToken = skipTrivia(from: lower, limit: upper)
    if firstToken < upper {
      lower = firstToken
      while upper > lower, isWhitespace(utf8[upper - 1]) { upper -= 1 }
    }
    return .init(fileName: fileName, startOffset: baseOffset + lower, endOffset: baseOffset + upper)
  }

  /// The first offset at or after `start` (and before `limit`) that is not whitespace or a
  /// comment; `limit` when there is none.
  func skipTrivia(from start: Int, limit: Int) -> Int {
    var index = start
    while index < limit {
      let byte = utf8[index]
      if isWhitespace(byte) {
        index += 1
      } else if byte == UInt8(ascii: "/"), index + 1 < limit, utf8[index + 1] == UInt8(ascii: "/") {
        while index < limit, utf8[index] != 0x0A { index += 1 }
      } else if byte == UInt8(ascii: "/"), index + 1 < limit, utf8[index + 1] == UInt8(ascii: "*") {
        // Block comments nest in Swift.
        var depth = 0
        repeat {
          if index + 1 < limit, utf8[index] == UInt8(ascii: "/"), utf8[index + 1] == UInt8(ascii: "*") {
            depth += 1
            index += 2
          } else if index + 1 < limit, utf8[index] == UInt8(ascii: "*"), utf8[index + 1] == UInt8(ascii: "/") {
            depth -= 1
            index += 2
          } else {
            index += 1
          }
        } while depth > 0 && index < limit
      } else {
        return index
      }
    }
    return limit
  }

  private func isWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0B || byte == 0x0C || byte == 0x00
  }
}
