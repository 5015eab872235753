// Patterns: the simple ones of `let`/`var` and `for`-`in` are structured; `case` patterns are kept
// as text together with the names they bind.

extension Parser {
  /// binding-pattern = "_" | identifier | "(" [ tuple-pattern-element { "," tuple-pattern-element } ] ")"
  /// tuple-pattern-element = [ identifier ":" ] binding-pattern
  mutating func parseBindingPattern() -> Pattern {
    let start = current.range.start
    guard enterNesting() else { return .wildcard(range: SourceRange(start: start, end: start)) }
    defer { leaveNesting() }
    let token = current
    if token.isKeyword("_") {
      advance()
      return .wildcard(range: token.range)
    }
    if token.kind == .identifier || token.isKeyword("self") {
      advance()
      return .identifier(name: token.text, range: token.range)
    }
    if token.isKeyword("var") || token.isKeyword("let") {
      // `for (var x, y) in ...`: kept as text with the names it binds.
      advance()
      let inner = parseBindingPattern()
      let range = range(from: start)
      return .other(text: text(of: range), boundNames: Parser.names(boundBy: inner), range: range)
    }
    if token.kind == .leftParen {
      let opener = advance()
      var elements: [TuplePatternElement] = []
      parseDelimitedList(opener: opener, closer: .rightParen, what: "tuple pattern") { parser in
        var label: String?
        if parser.current.isNameLike && parser.peek().kind == .colon {
          label = parser.advance().text
          parser.advance()
        }
        elements.append(TuplePatternElement(label: label, pattern: parser.parseBindingPattern()))
      }
      return .tuple(elements: elements, range: range(from: start))
    }
    errorExpected("pattern")
    return .wildcard(range: SourceRange(start: start, end: start))
  }

  /// case-pattern-list = case-pattern { "," case-pattern }
  ///
  /// Returns the names the patterns bind, in order, without duplicates.
  mutating func parseCasePatternList() -> [String] {
    var names: [String] = []
    var progress = LoopProgress()
    while progress.evaluate(self) {
      parseCasePattern(binding: false, into: &names)
      if consume(.comma) == nil { break }
    }
    var seen = Set<String>()
    return names.filter { seen.insert($0).inserted }
  }

  /// case-pattern = ( "let" | "var" ) case-pattern | case-pattern-primary { "?" | "as" type }
  /// case-pattern-primary = "_" | tuple-case-pattern | "is" type | enum-case-pattern
  ///                      | identifier (a binding, after `let`/`var`) | expression-pattern
  /// enum-case-pattern = [ type-identifier ] "." identifier tuple-case-pattern
  ///
  /// `binding` says whether a `let` or `var` applies, so that a bare identifier binds a name.
  mutating func parseCasePattern(binding: Bool, into names: inout [String]) {
    guard enterNesting() else { return }
    defer { leaveNesting() }
    if at(keyword: "let") || at(keyword: "var") {
      advance()
      parseCasePattern(binding: true, into: &names)
      return
    }
    parseCasePatternPrimary(binding: binding, into: &names)
    var progress = LoopProgress()
    while progress.evaluate(self) {
      if current.kind == .postfixOperator && current.text == "?" {
        advance()
      } else if at(keyword: "as") {
        advance()
        _ = parseType()
      } else {
        break
      }
    }
  }

  /// The primary part of a case pattern (see `parseCasePattern`).
  mutating func parseCasePatternPrimary(binding: Bool, into names: inout [String]) {
    if at(keyword: "_") || at(keyword: "is") {
      parseWildcardOrIsPattern()
    } else if at(.leftParen) && isTuplePatternHere() {
      parseTupleCasePattern(binding: binding, into: &names)
    } else if let end = enumCasePathEnd(), binding || groupBindsNames(at: end) {
      parseEnumCasePattern(pathEnd: end, binding: binding, into: &names)
    } else if binding && atBindingName() {
      names.append(advance().text)
    } else {
      parseExpressionPattern()
    }
  }

  /// wildcard-pattern = "_"
  /// is-pattern = "is" type
  mutating func parseWildcardOrIsPattern() {
    if advance().isKeyword("is") { _ = parseType() }
  }

  /// enum-case-pattern = [ type-identifier ] "." identifier tuple-case-pattern
  ///
  /// `.some(let x)`, `Optional.some(let x)`: the path, then the associated values' patterns.
  mutating func parseEnumCasePattern(pathEnd: Int, binding: Bool, into names: inout [String]) {
    var progress = LoopProgress()
    while index < pathEnd && progress.evaluate(self) { advance() }
    parseTupleCasePattern(binding: binding, into: &names)
  }

  /// Whether a name that a `let`/`var` binds is here (not a path or a call).
  func atBindingName() -> Bool {
    (at(.identifier) || at(keyword: "self")) && peekKind() != .period
      && !(peekKind() == .leftParen && !peek().isAtStartOfLine)
  }

  /// expression-pattern = expression   (`1...5`, `.zero`, `x`, `"a"`; `=` ends it: `if case 1 = x`)
  mutating func parseExpressionPattern() {
    let saved = (allowsAssignment, allowsTrailingClosures)
    allowsAssignment = false
    allowsTrailingClosures = false
    defer { (allowsAssignment, allowsTrailingClosures) = saved }
    _ = parseExpression()
  }

  /// Whether the `(` at the current token opens a tuple pattern rather than a parenthesized
  /// expression pattern: it contains `let`, `var`, `_` or a label at its top level, or a comma.
  func isTuplePatternHere() -> Bool {
    guard let end = indexAfterBalancedGroup(from: index) else { return true }
    var position = index + 1
    var depth = 0
    while position < end - 1 {
      let token = tokens[position]
      switch token.kind {
      case .leftParen, .leftBracket, .leftBrace: depth += 1
      case .rightParen, .rightBracket, .rightBrace: depth -= 1
      case .comma where depth == 0: return true
      case .keyword where depth == 0 && (token.text == "let" || token.text == "var" || token.text == "_"): return true
      case .colon where depth == 0: return true
      default: break
      }
      position += 1
    }
    return end - index == 2  // `()`
  }

  /// If an enum case path (`.a`, `E.a`, `Module.E.a`) followed by a glued `(` starts here, the
  /// index of that `(` (lookahead).
  func enumCasePathEnd() -> Int? {
    var position = index
    if token(at: position).kind == .identifier {
      position += 1
      position = indexAfterGenericArguments(from: position) ?? position
    }
    var segments = 0
    while token(at: position).kind == .period && token(at: position + 1).isNameLike {
      position += 2
      segments += 1
      position = indexAfterGenericArguments(from: position) ?? position
    }
    guard segments > 0 || position > index else { return nil }
    let next = token(at: position)
    guard next.kind == .leftParen && !next.isAtStartOfLine && position > index else { return nil }
    return position
  }

  /// If a generic argument list glued to the previous token starts at `position`, the index just
  /// past its `>` (lookahead; `>>` counts twice).
  func indexAfterGenericArguments(from start: Int) -> Int? {
    let first = token(at: start)
    guard first.isOperator && first.text.hasPrefix("<") && !first.hasLeadingTrivia else { return nil }
    var depth = 0
    var position = start
    while position < tokens.count && position - start < 200 {
      let token = tokens[position]
      switch token.kind {
      case .binaryOperator, .prefixOperator, .postfixOperator:
        for character in token.text {
          if character == "<" { depth += 1 } else if character == ">" { depth -= 1 }
        }
        if depth == 0 { return token.text.last == ">" ? position + 1 : nil }
        if depth < 0 { return nil }
      case .identifier, .period, .comma, .colon, .keyword, .leftBracket, .rightBracket, .leftParen, .rightParen, .arrow:
        break
      default:
        return nil
      }
      position += 1
    }
    return nil
  }

  /// Whether the group opened at token `position` contains `let` or `var` (lookahead). Without
  /// them, `.some(x)` or `UInt8(ascii: "a")...` is an expression pattern.
  func groupBindsNames(at position: Int) -> Bool {
    guard let end = indexAfterBalancedGroup(from: position) else { return true }
    return tokens[position..<end].contains { $0.isKeyword("let") || $0.isKeyword("var") || $0.isKeyword("is") }
  }

  /// tuple-case-pattern = "(" [ [ identifier ":" ] case-pattern { "," [ identifier ":" ] case-pattern } ] ")"
  mutating func parseTupleCasePattern(binding: Bool, into names: inout [String]) {
    guard at(.leftParen) else { return }
    let opener = advance()
    let saved = enterDelimitedContext()
    defer { restoreContext(saved) }
    var collected: [String] = []
    parseDelimitedList(opener: opener, closer: .rightParen, what: "tuple pattern") { parser in
      if parser.current.isNameLike && parser.peek().kind == .colon && !parser.at(keyword: "let") && !parser.at(keyword: "var") {
        parser.advance()
        parser.advance()
      }
      parser.parseCasePattern(binding: binding, into: &collected)
    }
    names += collected
  }
}
