/// A source text with a table of line starts, to turn UTF-8 offsets into lines and columns.
///
/// Every `SourceRange` in the AST and in diagnostics counts UTF-8 bytes from the start of the
/// parsed text. `SourceFile` maps such an offset to a 1-based line and a 1-based column, where the
/// column also counts UTF-8 bytes (as the compiler's own source locations do):
///
/// ```swift
/// let file = SourceFile("let x = 1\nlet y = x")
/// file.lineAndColumn(ofUTF8Offset: 14)   // (line: 2, column: 5)
/// ```
public struct SourceFile: Sendable {
  /// The text the offsets refer to.
  public let text: String
  /// The UTF-8 offset at which each line starts; `lineStarts[0] == 0`.
  let lineStarts: [Int]
  /// The number of UTF-8 bytes in `text`.
  let utf8Count: Int

  /// Creates a source file and indexes its lines. A line ends after `\n`, after `\r\n`, or after a
  /// `\r` that is not followed by `\n`.
  public init(_ text: String) {
    self.text = text
    var starts = [0]
    var previousWasCarriageReturn = false
    var offset = 0
    for byte in text.utf8 {
      if byte == UInt8(ascii: "\n") {
        starts.append(offset + 1)
      } else if previousWasCarriageReturn {
        // A lone `\r` ended the previous line at this byte.
        starts.append(offset)
      }
      previousWasCarriageReturn = byte == UInt8(ascii: "\r")
      offset += 1
    }
    if previousWasCarriageReturn { starts.append(offset) }
    self.lineStarts = starts
    self.utf8Count = offset
  }

  /// The 1-based line and 1-based UTF-8 column of a UTF-8 offset. Offsets outside the text are
  /// clamped to it: a negative offset is the first column of line 1, an offset past the end is the
  /// position just after the last byte.
  public func lineAndColumn(ofUTF8Offset offset: Int) -> (line: Int, column: Int) {
    let clamped = max(0, min(offset, utf8Count))
    // Binary search for the last line start <= clamped.
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if lineStarts[middle] <= clamped { low = middle } else { high = middle - 1 }
    }
    return (line: low + 1, column: clamped - lineStarts[low] + 1)
  }

  /// The 1-based line of a UTF-8 offset.
  public func line(ofUTF8Offset offset: Int) -> Int {
    lineAndColumn(ofUTF8Offset: offset).line
  }
}
