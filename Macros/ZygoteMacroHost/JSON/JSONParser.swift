/// Why a byte sequence is not a JSON document, and where the parser noticed.
public struct JSONParseError: Error, Equatable, CustomStringConvertible {
  /// Byte offset in the input where parsing stopped.
  public var offset: Int
  /// What was wrong, for a human.
  public var reason: String

  /// Creates a parse error.
  public init(offset: Int, reason: String) {
    self.offset = offset
    self.reason = reason
  }

  /// `"malformed JSON at byte N: reason"`.
  public var description: String { "malformed JSON at byte \(offset): \(reason)" }
}

/// A strict RFC 8259 parser from UTF-8 bytes to ``JSONValue``.
///
/// Total on its input: every byte sequence either parses or throws ``JSONParseError``; nothing
/// traps. Strings must be valid UTF-8; `\uXXXX` escapes are decoded, surrogate pairs are joined,
/// and a lone surrogate is an error (a Swift `String` cannot hold one). Nesting deeper than
/// ``maximumDepth`` is an error rather than a stack overflow.
public struct JSONParser {
  /// The deepest nesting of arrays and objects accepted. Protocol messages nest about 6 deep.
  public static let maximumDepth = 256

  /// Parses one JSON document (surrounding whitespace allowed, nothing else after it).
  public static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
    let result: Result<JSONValue, JSONParseError> = bytes.withUnsafeBufferPointer { buffer in
      var parser = JSONParser(buffer)
      do throws(JSONParseError) {
        return .success(try parser.parseDocument())
      } catch {
        return .failure(error)
      }
    }
    return try result.get()
  }

  /// Parses one JSON document given as text.
  public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
    try parse(Array(text.utf8))
  }

  private let bytes: UnsafeBufferPointer<UInt8>
  private var index = 0
  private var depth = 0

  private init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  // MARK: Document and values

  /// document = ws value ws EOF
  private mutating func parseDocument() throws(JSONParseError) -> JSONValue {
    skipWhitespace()
    let value = try parseValue()
    skipWhitespace()
    guard index == bytes.count else { throw error("unexpected \(describeCurrent()) after the document") }
    return value
  }

  /// value = object | array | string | number | true | false | null
  private mutating func parseValue() throws(JSONParseError) -> JSONValue {
    guard let byte = current else { throw error("unexpected end of input, expected a value") }
    switch byte {
    case UInt8(ascii: "{"): return try parseObject()
    case UInt8(ascii: "["): return try parseArray()
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
    case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
    case UInt8(ascii: "n"): try expectLiteral("null"); return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
    default: throw error("unexpected \(describeCurrent()), expected a value")
    }
  }

  /// object = '{' ws [ string ws ':' ws value ws { ',' ws string ws ':' ws value ws } ] '}'
  private mutating func parseObject() throws(JSONParseError) -> JSONValue {
    try enterContainer()
    index += 1  // '{'
    var members: [String: JSONValue] = [:]
    skipWhitespace()
    if current == UInt8(ascii: "}") {
      index += 1
      depth -= 1
      return .object(members)
    }
    while true {
      guard current == UInt8(ascii: "\"") else { throw error("unexpected \(describeCurrent()), expected a member name") }
      let key = try parseString()
      skipWhitespace()
      guard current == UInt8(ascii: ":") else { throw error("unexpected \(describeCurrent()), expected ':'") }
      index += 1
      skipWhitespace()
      members[key] = try parseValue()
      skipWhitespace()
      switch current {
      case UInt8(ascii: ","):
        index += 1
        skipWhitespace()
      case UInt8(ascii: "}"):
        index += 1
        depth -= 1
        return .object(members)
      default:
        throw error("unexpected \(describeCurrent()), expected ',' or '}'")
      }
    }
  }

  /// array = '[' ws [ value ws { ',' ws value ws } ] ']'
  private mutating func parseArray() throws(JSONParseError) -> JSONValue {
    try enterContainer()
    index += 1  // '['
    var elements: [JSONValue] = []
    skipWhitespace()
    if current == UInt8(ascii: "]") {
      index += 1
      depth -= 1
      return .array(elements)
    }
    while true {
      elements.append(try parseValue())
      skipWhitespace()
      switch current {
      case UInt8(ascii: ","):
        index += 1
        skipWhitespace()
      case UInt8(ascii: "]"):
        index += 1
        depth -= 1
        return .array(elements)
      default:
        throw error("unexpected \(describeCurrent()), expected ',' or ']'")
      }
    }
  }

  private mutating func enterContainer() throws(JSONParseError) {
    depth += 1
    guard depth <= Self.maximumDepth else { throw error("nesting deeper than \(Self.maximumDepth)") }
  }

  // MARK: Strings

  /// string = '"' { unescaped | '\' escape } '"'; escape = '"' | '\' | '/' | 'b' | 'f' | 'n' | 'r' | 't' | 'u' hex4
  private mutating func parseString() throws(JSONParseError) -> String {
    let start = index
    index += 1  // opening quote
    var utf8: [UInt8] = []
    var runStart = index
    while true {
      guard let byte = current else {
        throw JSONParseError(offset: start, reason: "unterminated string")
      }
      if byte == UInt8(ascii: "\"") {
        utf8.append(contentsOf: bytes[runStart..<index])
        index += 1
        break
      }
      if byte == UInt8(ascii: "\\") {
        utf8.append(contentsOf: bytes[runStart..<index])
        try parseEscape(into: &utf8)
        runStart = index
        continue
      }
      if byte < 0x20 {
        throw error("control character U+\(hex(byte)) in a string must be escaped")
      }
      index += 1
    }
    guard let string = String(validating: utf8, as: UTF8.self) else {
      throw JSONParseError(offset: start, reason: "string is not valid UTF-8")
    }
    return string
  }

  /// Decodes the escape at `index` (which is on the backslash) and appends its UTF-8.
  private mutating func parseEscape(into utf8: inout [UInt8]) throws(JSONParseError) {
    index += 1  // backslash
    guard let byte = current else { throw error("unexpected end of input in an escape") }
    index += 1
    switch byte {
    case UInt8(ascii: "\""): utf8.append(0x22)
    case UInt8(ascii: "\\"): utf8.append(0x5C)
    case UInt8(ascii: "/"): utf8.append(0x2F)
    case UInt8(ascii: "b"): utf8.append(0x08)
    case UInt8(ascii: "f"): utf8.append(0x0C)
    case UInt8(ascii: "n"): utf8.append(0x0A)
    case UInt8(ascii: "r"): utf8.append(0x0D)
    case UInt8(ascii: "t"): utf8.append(0x09)
    case UInt8(ascii: "u"):
      let escapeStart = index - 2
      let first = try parseHex4()
      var scalarValue = first
      if (0xD800...0xDBFF).contains(first) {
        // A high surrogate must be followed by an escaped low surrogate.
        guard current == UInt8(ascii: "\\"), peek(1) == UInt8(ascii: "u") else {
          throw JSONParseError(offset: escapeStart, reason: "unpaired high surrogate \\u\(hex(first))")
        }
        index += 2
        let second = try parseHex4()
        guard (0xDC00...0xDFFF).contains(second) else {
          throw JSONParseError(offset: escapeStart, reason: "high surrogate \\u\(hex(first)) followed by \\u\(hex(second))")
        }
        scalarValue = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
      } else if (0xDC00...0xDFFF).contains(first) {
        throw JSONParseError(offset: escapeStart, reason: "unpaired low surrogate \\u\(hex(first))")
      }
      guard let scalar = Unicode.Scalar(scalarValue) else {
        throw JSONParseError(offset: escapeStart, reason: "invalid code point")
      }
      UTF8.encode(scalar) { utf8.append($0) }
    default:
      index -= 1
      throw error("invalid escape '\\\(describeCurrent())'")
    }
  }

  private mutating func parseHex4() throws(JSONParseError) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard let byte = current else { throw error("unexpected end of input in \\u escape") }
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: throw error("expected a hexadecimal digit in \\u escape, found \(describeCurrent())")
      }
      value = value << 4 | UInt32(digit)
      index += 1
    }
    return value
  }

  // MARK: Numbers and literals

  /// number = [ '-' ] ( '0' | digit1-9 { digit } ) [ '.' digit { digit } ] [ ( 'e' | 'E' ) [ '+' | '-' ] digit { digit } ]
  private mutating func parseNumber() throws(JSONParseError) -> JSONValue {
    let start = index
    var isInteger = true
    if current == UInt8(ascii: "-") { index += 1 }
    if current == UInt8(ascii: "0") {
      index += 1
    } else if let byte = current, isDigit(byte) {
      skipDigits()
    } else {
      throw error("expected a digit, found \(describeCurrent())")
    }
    if current == UInt8(ascii: ".") {
      isInteger = false
      index += 1
      guard let byte = current, isDigit(byte) else { throw error("expected a digit after '.', found \(describeCurrent())") }
      skipDigits()
    }
    if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
      isInteger = false
      index += 1
      if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
      guard let byte = current, isDigit(byte) else { throw error("expected a digit in the exponent, found \(describeCurrent())") }
      skipDigits()
    }
    // The grammar above admits only ASCII, so this decoding cannot fail.
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    if isInteger, let value = Int(text) { return .integer(value) }
    guard let value = Double(text) else { throw JSONParseError(offset: start, reason: "unreadable number \(text)") }
    return .double(value)
  }

  private mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
    let start = index
    let expected = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
    for byte in expected {
      guard current == byte else {
        throw JSONParseError(offset: start, reason: "invalid literal, expected \(literal)")
      }
      index += 1
    }
  }

  // MARK: Cursor

  private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

  private func peek(_ distance: Int) -> UInt8? {
    index + distance < bytes.count ? bytes[index + distance] : nil
  }

  private mutating func skipWhitespace() {
    while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
      index += 1
    }
  }

  private mutating func skipDigits() {
    while let byte = current, isDigit(byte) { index += 1 }
  }

  private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

  private func describeCurrent() -> String {
    guard let byte = current else { return "end of input" }
    if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
    return "byte 0x\(hex(byte))"
  }

  private func error(_ reason: String) -> JSONParseError {
    JSONParseError(offset: index, reason: reason)
  }
}

/// Upper-case hexadecimal, zero-padded to two digits for a byte and four for a code unit.
private func hex(_ value: UInt8) -> String {
  let digits = String(value, radix: 16, uppercase: true)
  return digits.count < 2 ? "0" + digits : digits
}

private func hex(_ value: UInt32) -> String {
  let digits = String(value, radix: 16, uppercase: true)
  return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
