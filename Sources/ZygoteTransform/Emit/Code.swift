/// A fragment of generated Swift: lines with their nesting depth, so that fragments can be built
/// separately (the forward pass, the backward pass of each statement) and nested later.
struct Code: Equatable {
  /// One line of code and its depth relative to the fragment.
  struct Line: Equatable {
    var depth: Int
    var text: String
  }

  private(set) var lines: [Line] = []

  init() {}

  init(_ text: String) {
    add(text)
  }

  var isEmpty: Bool { lines.isEmpty }

  /// Appends one line (a line with embedded newlines is split, keeping its relative indentation).
  mutating func add(_ text: String) {
    guard text.utf8.contains(UInt8(ascii: "\n")) else {
      lines.append(Line(depth: 0, text: text))
      return
    }
    for piece in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
      lines.append(Line(depth: 0, text: String(Substring(piece))))
    }
  }

  /// Appends another fragment, nested `depth` levels deeper.
  mutating func add(_ other: Code, depth: Int = 0) {
    for line in other.lines {
      lines.append(Line(depth: line.depth + depth, text: line.text))
    }
  }

  /// Appends `header {`, the body one level deeper, and `}`.
  mutating func addBlock(_ header: String, _ body: Code, closing: String = "}") {
    add(header)
    add(body, depth: 1)
    add(closing)
  }

  /// Drops the last line (to continue a closing brace as `} else {`).
  mutating func removeLastLine() {
    if !lines.isEmpty { lines.removeLast() }
  }

  /// Puts `other` before this fragment's lines.
  mutating func prepend(_ other: Code) {
    lines = other.lines + lines
  }

  /// The fragment as text, each line indented by two spaces per level after `indent`.
  func render(indent: String = "") -> String {
    lines.map { line in
      line.text.isEmpty ? "" : indent + String(repeating: "  ", count: line.depth) + line.text
    }.joined(separator: "\n")
  }
}
