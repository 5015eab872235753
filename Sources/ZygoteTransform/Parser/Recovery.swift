// Error recovery: skipping to a token where parsing can resume, and the lookaheads that decide
// where that is.

extension Parser {
  /// Whether the token starts a statement on its own (a keyword that only begins statements or
  /// declarations). Recovery stops before such a token when it starts a line.
  static func isStatementKeyword(_ token: Token) -> Bool {
    guard token.kind == .keyword || (token.kind == .identifier && !token.isEscaped) else { return false }
    switch token.text {
    case "let", "var", "if", "guard", "for", "while", "repeat", "switch", "return", "break", "continue",
      "throw", "defer", "do", "func", "struct", "class", "enum", "extension", "protocol", "typealias",
      "import", "fallthrough", "case", "default":
      return token.kind == .keyword
    default:
      return false
    }
  }

  /// Whether the current token ends a statement: a new line, `;`, `}`, the end, or (in a `switch`)
  /// the next `case` or `default`.
  func atStatementBoundary(inSwitch: Bool) -> Bool {
    if current.isAtStartOfLine || at(.semicolon) || at(.rightBrace) || atEnd { return true }
    if inSwitch && (at(keyword: "case") || at(keyword: "default")) { return true }
    return false
  }

  /// Skips the rest of a broken statement: stops at the next line start, `;`, or a `}` that closes
  /// the enclosing block. Braces opened on the way are skipped whole, across lines.
  mutating func synchronizeToStatementBoundary(inSwitch: Bool) {
    var braceDepth = 0
    var progress = LoopProgress()
    while !atEnd && progress.evaluate(self) {
      if braceDepth == 0 {
        if at(.rightBrace) || at(.semicolon) { return }
        if inSwitch && (at(keyword: "case") || at(keyword: "default")) { return }
      }
      if at(.leftBrace) { braceDepth += 1 }
      if at(.rightBrace) { braceDepth -= 1 }
      advance()
      if braceDepth == 0 && current.isAtStartOfLine { return }
    }
  }

  /// Skips a group that starts at the current `(`, `[` or `{` through its matching closer, or to
  /// the end. Mismatched closers count as closers (the goal is to make progress, not to judge).
  mutating func skipBalancedGroup() {
    var depth = 0
    var progress = LoopProgress()
    while !atEnd && progress.evaluate(self) {
      switch current.kind {
      case .leftParen, .leftBracket, .leftBrace:
        depth += 1
      case .rightParen, .rightBracket, .rightBrace:
        depth -= 1
      default:
        break
      }
      advance()
      if depth <= 0 { return }
    }
  }

  /// After an unexpected token in a delimited list (`(a, b c, d)`), skips to the next `,` or the
  /// list's closer at this level. Also stops at a `}` that the list did not open, and at a
  /// statement keyword starting a line, so that a missing closer does not swallow the block.
  mutating func skipToListRecovery(closer: TokenKind) {
    var progress = LoopProgress()
    while !atEnd && progress.evaluate(self) {
      if at(.comma) || at(closer) { return }
      if at(.rightBrace) || at(.rightParen) || at(.rightBracket) { return }
      if current.isAtStartOfLine && Parser.isStatementKeyword(current) { return }
      if at(.leftParen) || at(.leftBracket) || at(.leftBrace) {
        skipBalancedGroup()
      } else {
        advance()
      }
    }
  }

  /// delimited-list = [ element { "," element } [ "," ] ] closer
  ///
  /// Parses a comma-separated list up to `closer` (the opener already consumed), calling
  /// `element` for each element; accepts a trailing comma. On an unexpected token, reports
  /// "expected ',' or ')' in `what`" and skips to the next `,` or the closer. Consumes the closer
  /// (or reports it missing, naming the opener).
  mutating func parseDelimitedList(
    opener: Token, closer: TokenKind, what: String, element: (inout Parser) -> Void
  ) {
    var progress = LoopProgress()
    while !at(closer) && !atEnd && progress.evaluate(self) {
      if at(.comma) {
        reportEmptyListElement(what: what)
        continue
      }
      let before = index
      element(&self)
      if consume(.comma) != nil { continue }
      if at(closer) || atEnd { break }
      if !recoverInList(closer: closer, what: what, elementStart: before) { break }
    }
    expectClosing(closer, opener: opener)
  }

  /// Reports and skips a `,` where a list element should be.
  mutating func reportEmptyListElement(what: String) {
    errorExpected("\(what) element")
    advance()
  }

  /// After a list element that is followed neither by `,` nor by the closer: reports and skips
  /// to the next `,` (returns true, the list goes on) or stops (returns false, the caller then
  /// reports the missing closer).
  mutating func recoverInList(closer: TokenKind, what: String, elementStart: Int) -> Bool {
    if current.isAtStartOfLine && index > elementStart && Parser.canStartStatement(current) {
      // Most likely the closer is missing: the caller reports it, naming the opener.
      return false
    }
    if index == elementStart || !(at(.rightBrace) || at(.rightParen) || at(.rightBracket)) {
      errorExpected("',' or '\(Parser.spelling(of: closer))' in \(what)")
    }
    skipToListRecovery(closer: closer)
    return consume(.comma) != nil
  }
}
