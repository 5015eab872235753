// Scanning generated or kept-as-text Swift for identifiers, byte by byte over contiguous UTF-8:
// the transform does this for every function it expands, and Character-level iteration was most
// of its time.

enum IdentifierScan {
  /// Whether a UTF-8 byte can be part of an identifier (non-ASCII bytes count, so that names with
  /// letters outside ASCII stay whole).
  @inline(__always)
  static func isIdentifierByte(_ byte: UInt8) -> Bool {
    (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57) || byte == 95 || byte == 36
      || byte >= 128
  }

  /// Calls `visit` with each identifier-like word of `text`, as a range of its UTF-8 bytes.
  @inline(__always)
  private static func forEachWord(in text: String, _ visit: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Void) {
    var copy = text
    copy.withUTF8 { bytes in
      var index = 0
      while index < bytes.count {
        if isIdentifierByte(bytes[index]) {
          var end = index + 1
          while end < bytes.count, isIdentifierByte(bytes[end]) { end += 1 }
          visit(bytes, index..<end)
          index = end
        } else {
          index += 1
        }
      }
    }
  }

  /// How many times `name` occurs in `text` as a whole identifier.
  static func occurrences(of name: String, in text: String) -> Int {
    var count = 0
    let target = Array(name.utf8)
    forEachWord(in: text) { bytes, word in
      if word.count == target.count && bytes[word].elementsEqual(target) { count += 1 }
    }
    return count
  }

  /// The words of `text` that are among `candidates`. Cheaper than `words(in:)` when the
  /// candidates are few: a word whose length and first and last bytes match no candidate's is
  /// skipped without building a string.
  static func words(in text: String, among candidates: Set<String>) -> Set<String> {
    var shapes = Set<Int>()
    for candidate in candidates {
      let bytes = Array(candidate.utf8)
      guard let first = bytes.first, let last = bytes.last else { continue }
      shapes.insert(bytes.count << 16 | Int(first) << 8 | Int(last))
    }
    var result = Set<String>()
    forEachWord(in: text) { bytes, word in
      guard shapes.contains(word.count << 16 | Int(bytes[word.lowerBound]) << 8 | Int(bytes[word.upperBound - 1])) else { return }
      let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[word]), as: UTF8.self)
      if candidates.contains(text) { result.insert(text) }
    }
    return result
  }

  /// The identifier-like words of `text`.
  static func words(in text: String) -> Set<String> {
    var result = Set<String>()
    forEachWord(in: text) { bytes, word in
      result.insert(String(decoding: UnsafeBufferPointer(rebasing: bytes[word]), as: UTF8.self))
    }
    return result
  }
}
