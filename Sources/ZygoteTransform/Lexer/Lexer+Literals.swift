// Numeric and string literals.

extension Lexer {
  // MARK: - Numbers

  /// integer-literal = decimal-digits | "0x" hex-digits | "0o" octal-digits | "0b" binary-digits
  /// floating-literal = decimal-digits [ "." decimal-digits ] [ ("e" | "E") ["+" | "-"] decimal-digits ]
  ///                  | "0x" hex-digits [ "." hex-digits ] ("p" | "P") ["+" | "-"] decimal-digits
  /// (every digit sequence may contain `_` after its first digit)
  ///
  /// Right after a `.` token only the integer part is lexed, so `t.0.1` is two tuple members.
  mutating func lexNumber(start: Int) -> TokenKind {
    let integerOnly = previousKind == .period && previousEnd == start
    var kind = TokenKind.integerLiteral
    position = start
    let prefix = byte(at: start + 1)
    if bytes[start] == UInt8(ascii: "0")
      && (prefix == UInt8(ascii: "x") || prefix == UInt8(ascii: "o") || prefix == UInt8(ascii: "b"))
    {
      let isDigit: (UInt8) -> Bool
      switch prefix {
      case UInt8(ascii: "x"): isDigit = CharacterClasses.isHexDigit
      case UInt8(ascii: "o"): isDigit = { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "7") }
      default: isDigit = { $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: "1") }
      }
      position = start + 2
      if isDigit(byte(at: position)) {
        consumeDigits(isDigit)
      } else {
        report("expected a digit after integer literal prefix '0\(Character(Unicode.Scalar(prefix)))'", start, position)
      }
      if prefix == UInt8(ascii: "x") && !integerOnly {
        var hasFraction = false
        if byte(at: position) == UInt8(ascii: ".") && CharacterClasses.isHexDigit(byte(at: position + 1)) {
          position += 1
          consumeDigits(CharacterClasses.isHexDigit)
          hasFraction = true
          kind = .floatLiteral
        }
        if byte(at: position) == UInt8(ascii: "p") || byte(at: position) == UInt8(ascii: "P") {
          position += 1
          lexExponentDigits(literalStart: start)
          kind = .floatLiteral
        } else if hasFraction {
          report("hexadecimal floating point literal must end with an exponent", start, position)
        }
      }
    } else {
      consumeDigits(CharacterClasses.isDecimalDigit)
      if !integerOnly {
        if byte(at: position) == UInt8(ascii: ".") && CharacterClasses.isDecimalDigit(byte(at: position + 1)) {
          position += 1
          consumeDigits(CharacterClasses.isDecimalDigit)
          kind = .floatLiteral
        }
        if byte(at: position) == UInt8(ascii: "e") || byte(at: position) == UInt8(ascii: "E") {
          position += 1
          lexExponentDigits(literalStart: start)
          kind = .floatLiteral
        }
      }
    }
    // Letters or digits glued to the literal are an error; they become part of it.
    if identifierContinuationLength(at: position) > 0 {
      let badStart = position
      let scalar = UTF8Decoder.decode(bytes, at: badStart)
      lexIdentifierCharacters()
      let what = kind == .floatLiteral ? "floating point" : "integer"
      let character = scalar.value < 0x80 ? String(Character(Unicode.Scalar(UInt8(scalar.value)))) : "\u{FFFD}"
      report("'\(character)' is not a valid digit in \(what) literal", badStart, badStart + scalar.length)
    }
    return kind
  }

  /// Consumes a digit followed by digits and underscores.
  mutating func consumeDigits(_ isDigit: (UInt8) -> Bool) {
    while position < bytes.count, isDigit(bytes[position]) || bytes[position] == UInt8(ascii: "_") {
      position += 1
    }
  }

  /// exponent-digits = [ "+" | "-" ] decimal-digit { decimal-digit | "_" }
  mutating func lexExponentDigits(literalStart: Int) {
    if byte(at: position) == UInt8(ascii: "+") || byte(at: position) == UInt8(ascii: "-") { position += 1 }
    if CharacterClasses.isDecimalDigit(byte(at: position)) {
      consumeDigits(CharacterClasses.isDecimalDigit)
    } else {
      report("expected a digit in floating point exponent", position, position + 1)
    }
  }

  // MARK: - Strings

  /// string-literal = { "#" } ( single-line-string | multi-line-string ) { "#" }
  /// single-line-string = '"' { character | escape | interpolation } '"'
  /// multi-line-string = '"""' newline { character | escape | interpolation } '"""'
  /// escape = "\" { "#" } ( "n" | "t" | "r" | "0" | "\" | '"' | "'" | "u{" hex-digits "}" )
  /// interpolation = "\" { "#" } "(" tokens ")"
  ///
  /// `position` is at the first `"`; the closing delimiter needs as many `#` as the opening one,
  /// and so do escapes and interpolations.
  mutating func lexStringLiteral(start: Int, hashCount: Int) {
    let isMultiline = byte(at: position) == UInt8(ascii: "\"") && byte(at: position + 1) == UInt8(ascii: "\"")
      && byte(at: position + 2) == UInt8(ascii: "\"") && !closesOnSameLine(hashCount: hashCount)
    if isMultiline {
      position += 3
      var lookahead = position
      while byte(at: lookahead) == UInt8(ascii: " ") || byte(at: lookahead) == UInt8(ascii: "\t") { lookahead += 1 }
      if lookahead < bytes.count && !CharacterClasses.isNewline(bytes[lookahead]) {
        report("multi-line string literal content must begin on a new line", lookahead, lookahead + 1)
      }
    } else {
      position += 1
    }
    while true {
      guard position < bytes.count else {
        let what = isMultiline ? "multi-line string literal" : "string literal"
        report("unterminated \(what)", start, start + 1)
        return
      }
      let current = bytes[position]
      if !isMultiline && CharacterClasses.isNewline(current) {
        report("unterminated string literal", start, start + 1)
        return
      }
      if current == UInt8(ascii: "\"") {
        if isMultiline {
          if byte(at: position + 1) == UInt8(ascii: "\"") && byte(at: position + 2) == UInt8(ascii: "\"")
            && hasHashes(hashCount, at: position + 3)
          {
            position += 3 + hashCount
            return
          }
        } else if hasHashes(hashCount, at: position + 1) {
          position += 1 + hashCount
          return
        }
        position += 1
        continue
      }
      if current == UInt8(ascii: "\\") && hasHashes(hashCount, at: position + 1) {
        let escapeStart = position
        position += 1 + hashCount
        lexEscape(escapeStart: escapeStart, isMultiline: isMultiline)
        continue
      }
      position += 1
    }
  }

  /// Whether a raw string whose opening quote is at `position` is closed on the same line, so
  /// that `#""""#` (the string `""`) is a single-line literal, as Swift decides.
  func closesOnSameLine(hashCount: Int) -> Bool {
    guard hashCount > 0 else { return false }
    var index = position + 1
    while index < bytes.count && !CharacterClasses.isNewline(bytes[index]) {
      if bytes[index] == UInt8(ascii: "\"") && hasHashes(hashCount, at: index + 1) { return true }
      index += 1
    }
    return false
  }

  /// Whether `count` `#` characters follow at `index`.
  func hasHashes(_ count: Int, at index: Int) -> Bool {
    var offset = 0
    while offset < count {
      if byte(at: index + offset) != UInt8(ascii: "#") { return false }
      offset += 1
    }
    return true
  }

  /// Lexes what follows `\` (and its `#`s) in a string literal.
  mutating func lexEscape(escapeStart: Int, isMultiline: Bool) {
    guard position < bytes.count else { return }
    let current = bytes[position]
    switch current {
    case UInt8(ascii: "n"), UInt8(ascii: "t"), UInt8(ascii: "r"), UInt8(ascii: "0"), UInt8(ascii: "\\"),
      UInt8(ascii: "\""), UInt8(ascii: "'"):
      position += 1
    case UInt8(ascii: "u"):
      position += 1
      guard byte(at: position) == UInt8(ascii: "{") else {
        report("expected '{' in \\u{...} escape sequence", escapeStart, position)
        return
      }
      position += 1
      var digits = 0
      while CharacterClasses.isHexDigit(byte(at: position)) {
        digits += 1
        position += 1
      }
      if byte(at: position) == UInt8(ascii: "}") && digits >= 1 && digits <= 8 {
        position += 1
      } else {
        report("invalid unicode scalar escape: expected 1 to 8 hex digits and '}'", escapeStart, position)
      }
    case UInt8(ascii: "("):
      position += 1
      lexInterpolation(isMultiline: isMultiline)
    case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
      // A line continuation in a multi-line string; in a single-line one the string ends here.
      return
    case UInt8(ascii: " "), UInt8(ascii: "\t"):
      var lookahead = position
      while byte(at: lookahead) == UInt8(ascii: " ") || byte(at: lookahead) == UInt8(ascii: "\t") { lookahead += 1 }
      if isMultiline && CharacterClasses.isNewline(byte(at: lookahead)) {
        position = lookahead
      } else {
        report("invalid escape sequence in literal", escapeStart, position + 1)
        position += 1
      }
    default:
      let scalar = UTF8Decoder.decode(bytes, at: position)
      report("invalid escape sequence in literal", escapeStart, position + scalar.length)
      position += scalar.length
    }
  }

  /// interpolation-body = tokens up to the ")" that balances the "(" after "\"
  ///
  /// The tokens are lexed (so nested strings and comments are skipped correctly) and dropped: the
  /// AST keeps string literals as text. In a single-line string, a line break ends the
  /// interpolation, and the enclosing string then reports that it is unterminated.
  mutating func lexInterpolation(isMultiline: Bool) {
    guard interpolationDepth < Lexer.maximumInterpolationDepth else {
      report(
        "nesting too deep: more than \(Lexer.maximumInterpolationDepth) string interpolations inside one another",
        position, position + 1)
      position = bytes.count
      return
    }
    interpolationDepth += 1
    let saved = (previousKind, previousEnd)
    previousEnd = position
    previousKind = .leftParen
    defer {
      interpolationDepth -= 1
      (previousKind, previousEnd) = saved
    }
    var parenthesisDepth = 0
    while true {
      let before = position
      let token = nextToken()
      if token.kind == .endOfFile { return }
      if !isMultiline && token.isAtStartOfLine {
        position = before
        return
      }
      switch token.kind {
      case .leftParen:
        parenthesisDepth += 1
      case .rightParen:
        if parenthesisDepth == 0 { return }
        parenthesisDepth -= 1
      default:
        break
      }
      if position <= before { position = before + 1 }
    }
  }
}
