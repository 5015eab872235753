/// The imports a generated file copies from the files whose functions it differentiates: its code
/// is theirs, so it needs their modules (`Foundation` for `sin` on `Double`, ...).
enum ImportScan {
  /// The file's `import` declarations at the start of a line (`@testable import`, `import struct`
  /// included), as written, and the `#if` blocks made only of imports (`#if canImport(Glibc)`),
  /// as whole blocks.
  static func importLines(of text: String) -> [String] {
    var result: [String] = []
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingSpaces }
    let raw = text.split(separator: "\n", omittingEmptySubsequences: false)
    var index = 0
    while index < lines.count {
      defer { index += 1 }
      if raw[index].first != " " && raw[index].first != "\t", let statement = importStatement(lines[index]) {
        result.append(statement)
      } else if raw[index].hasPrefix("#if ") {
        // A block of imports only, up to its `#endif`, taken whole.
        var end = index + 1
        var block = [lines[index]]
        while end < lines.count, lines[end] != "#endif" {
          let line = lines[end]
          guard line.isEmpty || line.hasPrefix("//") || line.hasPrefix("#elseif") || line == "#else" || importStatement(line) != nil else { break }
          if !line.isEmpty && !line.hasPrefix("//") {
            block.append(line.hasPrefix("#") ? line : "  " + (importStatement(line) ?? line))
          }
          end += 1
        }
        if end < lines.count, lines[end] == "#endif", block.count > 1 {
          result.append((block + ["#endif"]).joined(separator: "\n"))
          index = end
        }
      }
    }
    return result
  }

  /// `import X` (with attributes, without a trailing comment) if the trimmed line is an import.
  static func importStatement(_ line: String) -> String? {
    let words = line.split(separator: " ")
    guard let importIndex = words.firstIndex(of: "import"),
      words[words.startIndex..<importIndex].allSatisfy({ $0.hasPrefix("@") })
    else { return nil }
    var statement = line
    if let comment = statement.firstRange(of: "//") { statement = String(statement[..<comment.lowerBound]).trimmingSpaces }
    return statement
  }
}
