/// Turns Swift source text into tokens.
///
/// The lexer works on UTF-8 bytes and never fails: a character that cannot start a token becomes
/// an `.unknown` token with a diagnostic, an unterminated literal or comment ends at the end of its
/// line (or of the text) with a diagnostic. Whitespace and comments are not tokens; each token
/// records whether it follows a line break (`isAtStartOfLine`) and whether it follows any trivia
/// (`hasLeadingTrivia`), which is all the parser needs of them.
///
/// ```swift
/// let (tokens, diagnostics) = Lexer.tokenize("x+=1 // add")
/// tokens.map(\.text)   // ["x", "+=", "1", ""]   (the last one is the end-of-file token)
/// ```
///
/// String literals are single tokens; their interpolations are lexed recursively (so a `)` inside
/// a nested string does not end the interpolation), with the nesting depth capped.
public struct Lexer {
  // MARK: Input
  /// The source text as UTF-8.
  let bytes: [UInt8]

  // MARK: Position
  /// The next byte to read.
  var position: Int = 0
  /// The kind of the previous token, for the tuple-index rule (`x.0.1` is two members, not `0.1`).
  var previousKind: TokenKind = .endOfFile
  /// The end of the previous token, -1 before the first one.
  var previousEnd: Int = -1
  /// The start of the previous token.
  var previousTokenStart: Int = 0

  // MARK: Limits and diagnostics
  /// How deeply string interpolations are nested at `position`.
  var interpolationDepth = 0
  /// The most string interpolations nested in one another before the lexer gives up.
  static let maximumInterpolationDepth = 256
  /// Diagnostics are not collected past this many (the parser reports at most ten anyway).
  static let maximumDiagnostics = 20
  /// The problems found so far.
  var diagnostics: [Diagnostic] = []
  /// The offsets at which lines start, computed at the first diagnostic.
  var lineStarts: [Int] = []
  /// The (0-based) lines that have a diagnostic already.
  var reportedLines = Set<Int>()

  /// Creates a lexer positioned at the start of `bytes`.
  init(bytes: [UInt8]) {
    self.bytes = bytes
  }

  /// Splits `source` into tokens, ending with an `.endOfFile` token, and reports lexical errors.
  public static func tokenize(_ source: String) -> (tokens: [Token], diagnostics: [Diagnostic]) {
    var lexer = Lexer(bytes: Array(source.utf8))
    let tokens = lexer.tokenizeAll()
    return (tokens, lexer.diagnostics)
  }

  /// Lexes every token up to and including `.endOfFile`.
  mutating func tokenizeAll() -> [Token] {
    skipByteOrderMarkAndShebang()
    var tokens: [Token] = []
    tokens.reserveCapacity(bytes.count / 3 + 1)
    while true {
      let before = position
      let token = nextToken()
      tokens.append(token)
      if token.kind == .endOfFile { break }
      // Progress guard: every token but the last consumes at least one byte.
      if position <= before { position = before + 1 }
    }
    return tokens
  }

  /// Skips a UTF-8 byte order mark and a `#!` line at the very start.
  mutating func skipByteOrderMarkAndShebang() {
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
    if byte(at: position) == UInt8(ascii: "#"), byte(at: position + 1) == UInt8(ascii: "!") {
      while position < bytes.count, !CharacterClasses.isNewline(bytes[position]) { position += 1 }
    }
  }

  // MARK: - Helpers

  /// The byte at `index`, or 0 past the end.
  func byte(at index: Int) -> UInt8 {
    index >= 0 && index < bytes.count ? bytes[index] : 0
  }

  /// The text of `bytes[start..<end]`.
  func text(_ start: Int, _ end: Int) -> String {
    let lower = max(0, min(start, bytes.count))
    let upper = max(lower, min(end, bytes.count))
    return String(decoding: bytes[lower..<upper], as: UTF8.self)
  }

  /// Records an error at `start..<end`, unless the line has one already (the first error on a
  /// line is usually the cause of the others).
  mutating func report(_ message: String, _ start: Int, _ end: Int) {
    guard diagnostics.count < Lexer.maximumDiagnostics else { return }
    if lineStarts.isEmpty {
      lineStarts = [0]
      for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { lineStarts.append(offset + 1) }
    }
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if lineStarts[middle] <= start { low = middle } else { high = middle - 1 }
    }
    guard reportedLines.insert(low).inserted else { return }
    let lower = max(0, min(start, bytes.count))
    diagnostics.append(.error(message, at: SourceRange(start: lower, end: max(lower, min(end, bytes.count)))))
  }

  /// Whether an identifier may continue with the scalar at `index`; returns its length, or 0.
  func identifierContinuationLength(at index: Int) -> Int {
    let value = byte(at: index)
    if index >= bytes.count { return 0 }
    if value < 0x80 {
      return CharacterClasses.isASCIILetter(value) || CharacterClasses.isDecimalDigit(value)
        || value == UInt8(ascii: "_") ? 1 : 0
    }
    let scalar = UTF8Decoder.decode(bytes, at: index)
    return CharacterClasses.isUnicodeIdentifierCharacter(scalar.value)
      || CharacterClasses.isCombiningMark(scalar.value) ? scalar.length : 0
  }

  /// Whether an identifier may start with the scalar at `index`.
  func isIdentifierStart(at index: Int) -> Bool {
    let value = byte(at: index)
    if index >= bytes.count { return false }
    if value < 0x80 { return CharacterClasses.isASCIILetter(value) || value == UInt8(ascii: "_") }
    let scalar = UTF8Decoder.decode(bytes, at: index).value
    return CharacterClasses.isUnicodeIdentifierCharacter(scalar) && !CharacterClasses.isCombiningMark(scalar)
  }

  /// The length of the operator character at `index` (0 if there is none). `.` is not included.
  func operatorCharacterLength(at index: Int, isHead: Bool) -> Int {
    guard index < bytes.count else { return 0 }
    let value = bytes[index]
    if value < 0x80 {
      return value != UInt8(ascii: ".") && CharacterClasses.isASCIIOperatorCharacter(value) ? 1 : 0
    }
    let scalar = UTF8Decoder.decode(bytes, at: index)
    if CharacterClasses.isUnicodeOperatorHead(scalar.value) { return scalar.length }
    if !isHead && CharacterClasses.isCombiningMark(scalar.value) { return scalar.length }
    return 0
  }

  /// Whether `//` or `/*` starts at `index`.
  func isCommentStart(at index: Int) -> Bool {
    byte(at: index) == UInt8(ascii: "/")
      && (byte(at: index + 1) == UInt8(ascii: "/") || byte(at: index + 1) == UInt8(ascii: "*"))
  }

  // MARK: - Operator binding

  /// Whether the operator starting at `start` is bound to the token on its left: false after
  /// whitespace, an opening delimiter, `,` `;` `:`, the end of a block comment, or at the start.
  static func isLeftBound(_ bytes: [UInt8], _ start: Int) -> Bool {
    guard start > 0, start <= bytes.count else { return false }
    let previous = bytes[start - 1]
    if CharacterClasses.isWhitespace(previous) || previous == 0 { return false }
    switch previous {
    case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","), UInt8(ascii: ";"),
      UInt8(ascii: ":"):
      return false
    case UInt8(ascii: "/"):
      return !(start >= 2 && bytes[start - 2] == UInt8(ascii: "*"))
    default:
      return true
    }
  }

  /// Whether the operator ending at `end` is bound to the token on its right: false before
  /// whitespace, a closing delimiter, `,` `;` `:`, a comment, or the end; a following `.` binds
  /// only an operator that is not left-bound.
  static func isRightBound(_ bytes: [UInt8], _ end: Int, leftBound: Bool) -> Bool {
    guard end >= 0, end < bytes.count else { return false }
    let next = bytes[end]
    if CharacterClasses.isWhitespace(next) || next == 0 { return false }
    switch next {
    case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: ","), UInt8(ascii: ";"),
      UInt8(ascii: ":"):
      return false
    case UInt8(ascii: "."):
      return !leftBound
    case UInt8(ascii: "/"):
      let after = end + 1 < bytes.count ? bytes[end + 1] : 0
      return !(after == UInt8(ascii: "/") || after == UInt8(ascii: "*"))
    default:
      return true
    }
  }

  /// The token kind of an operator from its binding on each side.
  static func operatorKind(leftBound: Bool, rightBound: Bool) -> TokenKind {
    if leftBound == rightBound { return .binaryOperator }
    return leftBound ? .postfixOperator : .prefixOperator
  }

  /// Lexes the operators in `bytes[start..<end]` again, for a parser that split an operator token
  /// (`>>` closing two generic argument lists, `>?` in `Array<Int>?`).
  static func relexOperators(_ bytes: [UInt8], from start: Int, to end: Int) -> [Token] {
    var lexer = Lexer(bytes: bytes)
    lexer.position = start
    var result: [Token] = []
    while lexer.position < end {
      let before = lexer.position
      let tokenStart = lexer.position
      var token = lexer.lexOperator(start: tokenStart, limit: end)
      token.isAtStartOfLine = false
      token.hasLeadingTrivia = false
      result.append(token)
      if lexer.position <= before { lexer.position = before + 1 }
    }
    return result
  }

  // MARK: - Tokens

  /// Lexes the next token, skipping the trivia before it.
  mutating func nextToken() -> Token {
    let sawNewline = skipTrivia()
    let start = position
    let isFirst = previousEnd < 0
    let atStartOfLine = sawNewline || isFirst
    let leadingTrivia = isFirst || start > previousEnd

    func make(_ kind: TokenKind, _ lexer: inout Lexer, text: String? = nil, escaped: Bool = false) -> Token {
      let token = Token(
        kind: kind, text: text ?? lexer.text(start, lexer.position),
        range: SourceRange(start: start, end: lexer.position), isAtStartOfLine: atStartOfLine,
        hasLeadingTrivia: leadingTrivia, isEscaped: escaped)
      lexer.previousKind = kind
      lexer.previousEnd = lexer.position
      lexer.previousTokenStart = start
      return token
    }

    guard position < bytes.count else { return make(.endOfFile, &self, text: "") }
    let first = bytes[position]
    switch first {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"):
      lexIdentifierCharacters()
      let word = text(start, position)
      return make(Keywords.reserved.contains(word) ? .keyword : .identifier, &self, text: word)
    case UInt8(ascii: "0")...UInt8(ascii: "9"):
      let kind = lexNumber(start: start)
      return make(kind, &self)
    case UInt8(ascii: "$"):
      position += 1
      lexIdentifierCharacters()
      return make(.identifier, &self)
    case UInt8(ascii: "`"):
      return lexEscapedIdentifier(start: start, make: make)
    case UInt8(ascii: "\""):
      lexStringLiteral(start: start, hashCount: 0)
      return make(.stringLiteral, &self)
    case UInt8(ascii: "#"):
      var hashes = 0
      while byte(at: position + hashes) == UInt8(ascii: "#") { hashes += 1 }
      if byte(at: position + hashes) == UInt8(ascii: "\"") {
        position += hashes
        lexStringLiteral(start: start, hashCount: hashes)
        return make(.stringLiteral, &self)
      }
      if byte(at: position + hashes) == UInt8(ascii: "/") {
        lexExtendedRegexLiteral(start: start, hashCount: hashes)
        return make(.regexLiteral, &self)
      }
      if isIdentifierStart(at: position + 1) {
        position += 1
        lexIdentifierCharacters()
        return make(.pound, &self)
      }
      position += 1
      report("unexpected '#'; expected a name after '#' or a raw string literal", start, position)
      return make(.unknown, &self)
    case UInt8(ascii: "@"):
      position += 1
      return make(.atSign, &self)
    case UInt8(ascii: "\\"):
      position += 1
      return make(.backslash, &self)
    case UInt8(ascii: "("): position += 1; return make(.leftParen, &self)
    case UInt8(ascii: ")"): position += 1; return make(.rightParen, &self)
    case UInt8(ascii: "{"): position += 1; return make(.leftBrace, &self)
    case UInt8(ascii: "}"): position += 1; return make(.rightBrace, &self)
    case UInt8(ascii: "["): position += 1; return make(.leftBracket, &self)
    case UInt8(ascii: "]"): position += 1; return make(.rightBracket, &self)
    case UInt8(ascii: ","): position += 1; return make(.comma, &self)
    case UInt8(ascii: ":"): position += 1; return make(.colon, &self)
    case UInt8(ascii: ";"): position += 1; return make(.semicolon, &self)
    case UInt8(ascii: "."):
      let next = byte(at: position + 1)
      if next == UInt8(ascii: ".") || (next != 0 && CharacterClasses.isASCIIOperatorCharacter(next)
        && next != UInt8(ascii: "?") && next != UInt8(ascii: "!") && !isCommentStart(at: position + 1))
      {
        var token = lexOperator(start: start, limit: bytes.count)
        token.isAtStartOfLine = atStartOfLine
        token.hasLeadingTrivia = leadingTrivia
        return token
      }
      if CharacterClasses.isDecimalDigit(next) && !Lexer.isLeftBound(bytes, start) {
        // `.5` is not a Swift literal; lex the period and let the digits follow.
        report("'.5' is not a valid floating point literal; it must be written '0.5'", start, start + 1)
      }
      position += 1
      return make(.period, &self)
    default:
      if first == UInt8(ascii: "/"), let end = regexLiteralEnd(start: start) {
        position = end
        return make(.regexLiteral, &self)
      }
      if operatorCharacterLength(at: position, isHead: true) > 0 {
        var token = lexOperator(start: start, limit: bytes.count)
        token.isAtStartOfLine = atStartOfLine
        token.hasLeadingTrivia = leadingTrivia
        return token
      }
      if first >= 0x80 && isIdentifierStart(at: position) {
        lexIdentifierCharacters()
        return make(.identifier, &self)
      }
      let scalar = UTF8Decoder.decode(bytes, at: position)
      position += scalar.length
      report("invalid character \(Lexer.describeScalar(scalar.value)) in source", start, position)
      return make(.unknown, &self)
    }
  }

  /// `U+0007`-style name of a scalar value.
  static func describeScalar(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }

  /// Consumes identifier characters (letters, digits, `_`, non-operator Unicode).
  mutating func lexIdentifierCharacters() {
    while true {
      let length = identifierContinuationLength(at: position)
      if length == 0 { break }
      position += length
    }
  }

  /// escaped-identifier = "`" identifier-characters "`"
  mutating func lexEscapedIdentifier(start: Int, make: (TokenKind, inout Lexer, String?, Bool) -> Token) -> Token {
    position += 1
    let nameStart = position
    while position < bytes.count, bytes[position] != UInt8(ascii: "`"), !CharacterClasses.isNewline(bytes[position]) {
      position += 1
    }
    if byte(at: position) == UInt8(ascii: "`") && position > nameStart {
      let name = text(nameStart, position)
      position += 1
      return make(.identifier, &self, name, true)
    }
    if byte(at: position) == UInt8(ascii: "`") {
      position += 1
      report("expected an identifier between backticks", start, position)
    } else {
      report("unterminated escaped identifier: expected '`' to close '`'", start, start + 1)
    }
    return make(.unknown, &self, nil, false)
  }

  /// Lexes an operator starting at `start`, stopping before `limit`. Follows Swift: a left-bound
  /// `?` or `!` is a one-character postfix operator; `->` is an arrow; an operator starting with
  /// `.` may contain further dots; a comment start ends an operator.
  mutating func lexOperator(start: Int, limit: Int) -> Token {
    position = start
    let leftBound = Lexer.isLeftBound(bytes, start)
    let first = byte(at: start)
    if leftBound && (first == UInt8(ascii: "?") || first == UInt8(ascii: "!")) {
      position = start + 1
    } else if first == UInt8(ascii: ".") {
      position = start + 1
      while position < limit {
        if byte(at: position) == UInt8(ascii: ".") {
          position += 1
          continue
        }
        if isCommentStart(at: position) { break }
        let length = operatorCharacterLength(at: position, isHead: false)
        if length == 0 { break }
        position += length
      }
    } else {
      position = start + max(1, operatorCharacterLength(at: start, isHead: true))
      while position < limit {
        if isCommentStart(at: position) { break }
        let length = operatorCharacterLength(at: position, isHead: false)
        if length == 0 { break }
        position += length
      }
    }
    position = min(position, max(limit, start + 1))
    let spelling = text(start, position)
    let kind: TokenKind
    if spelling == "->" {
      kind = .arrow
    } else if leftBound && (first == UInt8(ascii: "?") || first == UInt8(ascii: "!")) {
      kind = .postfixOperator
    } else {
      kind = Lexer.operatorKind(
        leftBound: leftBound, rightBound: Lexer.isRightBound(bytes, position, leftBound: leftBound))
    }
    previousKind = kind
    previousEnd = position
    previousTokenStart = start
    return Token(
      kind: kind, text: spelling, range: SourceRange(start: start, end: position), isAtStartOfLine: false,
      hasLeadingTrivia: false)
  }

  // MARK: - Regex literals

  /// If a bare regex literal `/.../` starts at `start`, its end. As in Swift (SE-0354), `/`
  /// starts a regex only where an expression can start (not after a name, a literal or a closing
  /// delimiter), not before a space, and only if the closing `/` is on the same line and does not
  /// follow a space. Otherwise `/` is an operator.
  func regexLiteralEnd(start: Int) -> Int? {
    let expressionCanStartHere: Bool
    switch previousKind {
    case .identifier, .integerLiteral, .floatLiteral, .stringLiteral, .regexLiteral, .rightParen, .rightBracket,
      .rightBrace, .postfixOperator, .pound:
      expressionCanStartHere = false
    case .keyword:
      expressionCanStartHere = !["self", "Self", "super", "true", "false", "nil", "_"].contains(text(previousTokenStart, previousEnd))
    default:
      expressionCanStartHere = true
    }
    guard expressionCanStartHere, !Lexer.isLeftBound(bytes, start) || previousEnd < 0 else { return nil }
    let next = byte(at: start + 1)
    if next == UInt8(ascii: " ") || next == UInt8(ascii: "\t") || next == UInt8(ascii: "/") || next == UInt8(ascii: "*")
      || CharacterClasses.isNewline(next) || start + 1 >= bytes.count
    {
      return nil
    }
    var index = start + 1
    while index < bytes.count && !CharacterClasses.isNewline(bytes[index]) {
      if bytes[index] == UInt8(ascii: "\\") {
        index += 2
        continue
      }
      if bytes[index] == UInt8(ascii: "/") {
        let before = bytes[index - 1]
        return before == UInt8(ascii: " ") || before == UInt8(ascii: "\t") ? nil : index + 1
      }
      index += 1
    }
    return nil
  }

  /// extended-regex-literal = "#"+ "/" characters "/" "#"+   (the same number of `#`; a line
  /// break right after the opening delimiter makes it multi-line)
  mutating func lexExtendedRegexLiteral(start: Int, hashCount: Int) {
    position = start + hashCount + 1
    var lookahead = position
    while byte(at: lookahead) == UInt8(ascii: " ") || byte(at: lookahead) == UInt8(ascii: "\t") { lookahead += 1 }
    let isMultiline = CharacterClasses.isNewline(byte(at: lookahead))
    while position < bytes.count {
      let current = bytes[position]
      if current == UInt8(ascii: "\\") {
        position += 2
        continue
      }
      if current == UInt8(ascii: "/") && hasHashes(hashCount, at: position + 1) {
        position += 1 + hashCount
        return
      }
      if !isMultiline && CharacterClasses.isNewline(current) { break }
      position += 1
    }
    position = min(position, bytes.count)
    report("unterminated regex literal", start, start + hashCount + 1)
  }

  // MARK: - Trivia

  /// Skips whitespace and comments; returns whether a line break was skipped.
  mutating func skipTrivia() -> Bool {
    var sawNewline = false
    while position < bytes.count {
      let current = bytes[position]
      if CharacterClasses.isWhitespace(current) {
        if CharacterClasses.isNewline(current) { sawNewline = true }
        position += 1
      } else if current == UInt8(ascii: "/") && byte(at: position + 1) == UInt8(ascii: "/") {
        while position < bytes.count, !CharacterClasses.isNewline(bytes[position]) { position += 1 }
      } else if current == UInt8(ascii: "/") && byte(at: position + 1) == UInt8(ascii: "*") {
        if skipBlockComment() { sawNewline = true }
      } else if current >= 0x80 {
        let scalar = UTF8Decoder.decode(bytes, at: position)
        guard CharacterClasses.isUnicodeWhitespace(scalar.value) else { break }
        if scalar.value == 0x2028 || scalar.value == 0x2029 { sawNewline = true }
        if !(scalar.value == 0xFEFF && position == 0) {
          report(
            "invalid whitespace character \(Lexer.describeScalar(scalar.value)); use a space",
            position, position + scalar.length)
        }
        position += scalar.length
      } else {
        break
      }
    }
    return sawNewline
  }

  /// block-comment = "/*" { block-comment | any } "*/"   (comments nest)
  /// Returns whether the comment contains a line break.
  mutating func skipBlockComment() -> Bool {
    let start = position
    var depth = 0
    var sawNewline = false
    while position < bytes.count {
      if bytes[position] == UInt8(ascii: "/") && byte(at: position + 1) == UInt8(ascii: "*") {
        depth += 1
        position += 2
      } else if bytes[position] == UInt8(ascii: "*") && byte(at: position + 1) == UInt8(ascii: "/") {
        depth -= 1
        position += 2
        if depth == 0 { return sawNewline }
      } else {
        if CharacterClasses.isNewline(bytes[position]) { sawNewline = true }
        position += 1
      }
    }
    report("unterminated '/*' comment", start, start + 2)
    return sawNewline
  }
}
