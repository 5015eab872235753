// Types. The AST keeps the structure of arrays, dictionaries, tuples, optionals and `inout`;
// everything else is kept as the text written.

extension Parser {
  /// type = { attribute } [ type-specifier ] bare-type
  /// type-specifier = "inout" | "borrowing" | "consuming" | "__owned" | "__shared" | "sending" | "isolated"
  ///
  /// A type with attributes (`@escaping (Double) -> Double`) is kept as text, attributes included.
  mutating func parseType() -> TypeSyntax {
    let start = current.range.start
    guard enterNesting() else { return .other("") }
    defer { leaveNesting() }
    var hasAttributes = false
    var progress = LoopProgress()
    while at(.atSign) && progress.evaluate(self) {
      _ = parseAttribute()
      hasAttributes = true
    }
    if consume(keyword: "inout") != nil {
      return .inout(parseType())
    }
    if Parser.typeSpecifiers.contains(current.text) && current.kind == .identifier && !current.isEscaped
      && Parser.canStartType(peek()) && !peek().isAtStartOfLine
    {
      advance()
      _ = parseBareType()
      return .other(text(of: range(from: start)))
    }
    let type = parseBareType()
    if hasAttributes {
      if case .function = type { return .function(text(of: range(from: start))) }
      return .other(text(of: range(from: start)))
    }
    return type
  }

  /// Contextual words written before a parameter's type.
  static let typeSpecifiers: Set<String> = ["borrowing", "consuming", "__owned", "__shared", "sending", "isolated"]

  /// Whether a type can start with `token`.
  static func canStartType(_ token: Token) -> Bool {
    switch token.kind {
    case .identifier, .leftParen, .leftBracket, .atSign:
      return true
    case .keyword:
      return token.text == "Self" || token.text == "_" || token.text == "inout"
    case .prefixOperator:
      return token.text == "~"
    default:
      return false
    }
  }

  /// bare-type = function-type | composition-type
  /// function-type = tuple-type [ "async" ] [ throws-clause ] "->" type
  /// composition-type = postfix-type { "&" postfix-type }
  mutating func parseBareType() -> TypeSyntax {
    let start = current.range.start
    let startsWithParenthesis = at(.leftParen)
    let first = parsePostfixType()
    if startsWithParenthesis && (at(.arrow) || at(contextual: "async") || at(keyword: "throws") || at(keyword: "rethrows")) {
      _ = parseEffects()
      if consume(.arrow) == nil {
        errorExpected("'->' in function type")
      } else {
        _ = parseType()
      }
      return .function(text(of: range(from: start)))
    }
    if current.isOperator("&") && !peek().isAtStartOfLine {
      var progress = LoopProgress()
      while current.isOperator("&") && progress.evaluate(self) {
        advance()
        _ = parsePostfixType()
      }
      return .other(text(of: range(from: start)))
    }
    return first
  }

  /// postfix-type = primary-type { "?" | "!" | "." ( "Type" | "Protocol" ) }
  ///
  /// `?` and `!` must be glued to the type (`Int?`); `T.Type` and `T.Protocol` are kept as text.
  mutating func parsePostfixType() -> TypeSyntax {
    let start = current.range.start
    var type = parsePrimaryType()
    var progress = LoopProgress()
    while progress.evaluate(self) && !current.hasLeadingTrivia {
      if current.isOperator && current.text.hasPrefix("?") && splitOperator(startingWith: "?") {
        advance()
        type = .optional(type)
      } else if current.isOperator && current.text.hasPrefix("!") && splitOperator(startingWith: "!") {
        advance()
        type = .implicitlyUnwrappedOptional(type)
      } else if at(.period) && (peek().isContextualKeyword("Type") || peek().isContextualKeyword("Protocol")) {
        advance()
        advance()
        type = .other(text(of: range(from: start)))
      } else {
        break
      }
    }
    return type
  }

  /// primary-type = type-identifier | array-type | dictionary-type | tuple-type | opaque-type
  /// type-identifier = type-name [ generic-argument-clause ] { "." type-name [ generic-argument-clause ] }
  /// array-type = "[" type "]"
  /// dictionary-type = "[" type ":" type "]"
  /// opaque-type = ( "some" | "any" | "each" | "repeat" | "~" ) postfix-type
  mutating func parsePrimaryType() -> TypeSyntax {
    let start = current.range.start
    let token = current
    switch token.kind {
    case .identifier where !token.isEscaped && ["some", "any", "each"].contains(token.text)
      && Parser.canStartType(peek()) && !peek().isAtStartOfLine:
      advance()
      _ = parseBareType()
      return .other(text(of: range(from: start)))
    case .keyword where token.text == "repeat":
      advance()
      _ = parseBareType()
      return .other(text(of: range(from: start)))
    case .prefixOperator where token.text == "~":
      advance()
      _ = parsePostfixType()
      return .other(text(of: range(from: start)))
    case .identifier, .keyword:
      if token.kind == .keyword && !["Self", "_", "Any"].contains(token.text) {
        errorExpected("type")
        return .other("")
      }
      advance()
      if atTypeGenericArgumentClauseStart() { _ = parseGenericArgumentClause() }
      var progress = LoopProgress()
      while at(.period) && progress.evaluate(self) && (peek().kind == .identifier || peek().isKeyword("Self"))
        && !peek().isContextualKeyword("Type") && !peek().isContextualKeyword("Protocol")
      {
        advance()
        advance()
        if atTypeGenericArgumentClauseStart() { _ = parseGenericArgumentClause() }
      }
      return .named(text(of: range(from: start)))
    case .leftBracket:
      let opener = advance()
      let saved = enterDelimitedContext()
      defer { restoreContext(saved) }
      let element = parseType()
      if consume(.colon) != nil {
        let value = parseType()
        expectClosing(.rightBracket, opener: opener)
        return .dictionary(key: element, value: value)
      }
      expectClosing(.rightBracket, opener: opener)
      return .array(element)
    case .leftParen:
      return parseTupleType()
    default:
      errorExpected("type")
      return .other("")
    }
  }

  /// Whether a generic argument clause starts here in a type: a `<` glued to the type name.
  func atTypeGenericArgumentClauseStart() -> Bool {
    current.isOperator && current.text.hasPrefix("<") && !current.hasLeadingTrivia
  }

  /// tuple-type = "(" [ tuple-type-element { "," tuple-type-element } [ "," ] ] ")"
  /// tuple-type-element = [ element-name [ element-name ] ":" ] type [ "..." ]
  ///
  /// A single unlabeled element in parentheses is that element's type, not a tuple.
  mutating func parseTupleType() -> TypeSyntax {
    let opener = advance()
    let saved = enterDelimitedContext()
    defer { restoreContext(saved) }
    var elements: [TupleTypeElement] = []
    var hadTrailingComma = false
    parseDelimitedList(opener: opener, closer: .rightParen, what: "tuple type") { parser in
      var label: String?
      if parser.current.isNameLike && parser.peek().kind == .colon {
        label = parser.advance().text
        parser.advance()
      } else if parser.current.isNameLike && parser.peek().isNameLike && parser.peek(2).kind == .colon {
        parser.advance()
        label = parser.advance().text
        parser.advance()
      }
      let type = parser.parseType()
      if parser.current.isOperator("...") { parser.advance() }
      elements.append(TupleTypeElement(label: label, type: type))
      hadTrailingComma = parser.at(.comma) && parser.peek().kind == .rightParen
    }
    if elements.count == 1 && elements[0].label == nil && !hadTrailingComma {
      return elements[0].type
    }
    return .tuple(elements)
  }

  /// generic-argument-clause = "<" type { "," type } ">"
  ///
  /// Returns the clause's text. A `>>` (or `>?`) that closes the clause is split.
  mutating func parseGenericArgumentClause() -> String {
    let opener = current
    let start = opener.range.start
    _ = splitOperator(startingWith: "<")
    advance()
    let saved = enterDelimitedContext()
    defer { restoreContext(saved) }
    var progress = LoopProgress()
    while progress.evaluate(self) && !atEnd {
      if current.isOperator && current.text.hasPrefix(">") { break }
      _ = parseType()
      if consume(.comma) == nil { break }
    }
    if current.isOperator && current.text.hasPrefix(">") && splitOperator(startingWith: ">") {
      advance()
    } else {
      let line = file.line(ofUTF8Offset: start)
      error("expected '>' to close '<' at line \(line), found \(describe(current))")
    }
    return text(of: range(from: start))
  }

  /// effects = { "async" | "reasync" | throws-clause | "rethrows" }
  /// throws-clause = "throws" [ "(" type ")" ]
  ///
  /// Returns the effects' text, or nil when there are none.
  mutating func parseEffects() -> String? {
    let start = current.range.start
    var sawEffect = false
    var progress = LoopProgress()
    while progress.evaluate(self) {
      if at(contextual: "async") || at(contextual: "reasync") || at(keyword: "rethrows") {
        advance()
        sawEffect = true
      } else if at(keyword: "throws") {
        advance()
        sawEffect = true
        if at(.leftParen) && !current.hasLeadingTrivia {
          let opener = advance()
          _ = parseType()
          expectClosing(.rightParen, opener: opener)
        }
      } else {
        break
      }
    }
    return sawEffect ? text(of: range(from: start)) : nil
  }
}
