/// Maps UTF-8 offsets of a macro's source text to lines of the user's file.
struct LineTable {
  /// The user's file (absolute path), or empty when unknown.
  let fileName: String
  /// The user's line of the first character of the source.
  let firstLine: Int
  /// UTF-8 offsets at which lines start, relative to the source.
  private let lineStarts: [Int]
  /// The source's length in UTF-8 bytes.
  let sourceLength: Int

  init(source: String, firstLine: Int, fileName: String = "") {
    self.fileName = fileName
    self.firstLine = firstLine
    var starts = [0]
    var offset = 0
    for byte in source.utf8 {
      offset += 1
      if byte == UInt8(ascii: "\n") { starts.append(offset) }
    }
    lineStarts = starts
    sourceLength = offset
  }

  /// The whole source, for a diagnostic about no particular token.
  var wholeRange: SourceRange { SourceRange(start: 0, end: sourceLength) }

  /// The user's line number of an offset into the source.
  func line(of offset: Int) -> Int? {
    guard offset >= 0 else { return nil }
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
    }
    return firstLine + low
  }
}
