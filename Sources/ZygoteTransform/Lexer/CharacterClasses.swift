// Character classes of the Swift lexical grammar, on bytes and Unicode scalar values.

enum CharacterClasses {
  /// Space, tab, line feed, carriage return, vertical tab, form feed.
  static func isWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
  }

  /// Line feed or carriage return.
  static func isNewline(_ byte: UInt8) -> Bool {
    byte == 0x0A || byte == 0x0D
  }

  static func isDecimalDigit(_ byte: UInt8) -> Bool {
    byte >= 0x30 && byte <= 0x39
  }

  static func isHexDigit(_ byte: UInt8) -> Bool {
    isDecimalDigit(byte) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)
  }

  static func isASCIILetter(_ byte: UInt8) -> Bool {
    (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
  }

  /// `/ = - + ! * % < > & | ^ ~ ?`: the ASCII characters that can start or continue an operator.
  static func isASCIIOperatorCharacter(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "/"), UInt8(ascii: "="), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "!"),
      UInt8(ascii: "*"), UInt8(ascii: "%"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"),
      UInt8(ascii: "|"), UInt8(ascii: "^"), UInt8(ascii: "~"), UInt8(ascii: "?"):
      return true
    default:
      return false
    }
  }

  /// Non-ASCII scalars that can start an operator (the Swift grammar's operator-head).
  static func isUnicodeOperatorHead(_ value: UInt32) -> Bool {
    switch value {
    case 0x00A1...0x00A7, 0x00A9, 0x00AB, 0x00AC, 0x00AE, 0x00B0...0x00B1, 0x00B6, 0x00BB, 0x00BF,
      0x00D7, 0x00F7, 0x2016...0x2017, 0x2020...0x2027, 0x2030...0x203E, 0x2041...0x2053,
      0x2055...0x205E, 0x2190...0x23FF, 0x2500...0x2775, 0x2794...0x2BFF, 0x2E00...0x2E7F,
      0x3001...0x3003, 0x3008...0x3020, 0x3030:
      return true
    default:
      return false
    }
  }

  /// Combining marks that may continue an operator (and an identifier).
  static func isCombiningMark(_ value: UInt32) -> Bool {
    switch value {
    case 0x0300...0x036F, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE00...0xFE0F, 0xFE20...0xFE2F,
      0xE0100...0xE01EF:
      return true
    default:
      return false
    }
  }

  /// Non-ASCII scalars treated as whitespace (with a diagnostic for all but a leading BOM).
  static func isUnicodeWhitespace(_ value: UInt32) -> Bool {
    value == 0x00A0 || value == 0x1680 || (value >= 0x2000 && value <= 0x200B) || value == 0x2028
      || value == 0x2029 || value == 0x202F || value == 0x205F || value == 0x3000 || value == 0xFEFF
  }

  /// Non-ASCII scalars that can appear in identifiers: anything that is not an operator character,
  /// whitespace, a private-use or replacement character.
  static func isUnicodeIdentifierCharacter(_ value: UInt32) -> Bool {
    if value < 0x80 { return false }
    if isUnicodeOperatorHead(value) || isUnicodeWhitespace(value) { return false }
    if value == 0xFFFD || (value >= 0xE000 && value <= 0xF8FF) || (value >= 0x80 && value <= 0x9F) {
      return false
    }
    return true
  }
}

/// Decodes one Unicode scalar from UTF-8 bytes, never reading out of bounds.
enum UTF8Decoder {
  /// The scalar value at `index` and its length in bytes; an invalid or truncated sequence
  /// decodes as U+FFFD with length 1.
  static func decode(_ bytes: [UInt8], at index: Int) -> (value: UInt32, length: Int) {
    guard index >= 0, index < bytes.count else { return (0xFFFD, 1) }
    let lead = bytes[index]
    if lead < 0x80 { return (UInt32(lead), 1) }
    let length: Int
    var value: UInt32
    switch lead {
    case 0xC2...0xDF:
      length = 2
      value = UInt32(lead & 0x1F)
    case 0xE0...0xEF:
      length = 3
      value = UInt32(lead & 0x0F)
    case 0xF0...0xF4:
      length = 4
      value = UInt32(lead & 0x07)
    default:
      return (0xFFFD, 1)
    }
    guard index + length <= bytes.count else { return (0xFFFD, 1) }
    for offset in 1..<length {
      let continuation = bytes[index + offset]
      guard continuation & 0xC0 == 0x80 else { return (0xFFFD, 1) }
      value = (value << 6) | UInt32(continuation & 0x3F)
    }
    // Reject overlong encodings, surrogates and values past U+10FFFF.
    let minimum: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
    if value < minimum || (value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF {
      return (0xFFFD, 1)
    }
    return (value, length)
  }
}
