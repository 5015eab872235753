// Types. The AST keeps the structure of arrays, dictionaries, tuples, optionals and `inout`;
// everything else is kept as the text written.

extension Parser {
  /// type = { attribute } [ type-specifier ] bare-type
  /// type-specifier = "inout" | "borrowing" | "consuming" | "__owned" | "__shared" | "sending" | "isolated"
  ///
  /// A type with attributes (`@escaping (Double) -> Double`) is kept as text, attributes included.
  mutating func parseType() -> TypeSyntax {
    guard enterNesting() else { return .other("") }
    defer { leaveNesting() }
    if at(.atSign) { return parseAttributedType() }
    if at(keyword: "inout") {
      advance()
      return .inout(parseType())
    }
    if atTypeSpecifier() { return parseSpecifiedType() }
    return parseBareType()
  }

  /// attributed-type = attribute { attribute } type   (kept as text)
  mutating func parseAttributedType() -> TypeSyntax {
    let start = currentStart
    var progress = LoopProgress()
    while at(.atSign) && progress.evaluate(self) {
      _ = parseAttribute()
    }
    if case .function = parseType() { return .function(text(of: range(from: start))) }
    return .other(text(of: range(from: start)))
  }

  /// Whether a type specifier other than `inout` (`borrowing`, `sending`, ...) starts here.
  func atTypeSpecifier() -> Bool {
    currentKind == .identifier && !current.isEscaped && Parser.typeSpecifiers.contains(current.text)
      && Parser.canStartType(peek()) && !peek().isAtStartOfLine
  }

  /// specified-type = type-specifier bare-type   (kept as text)
  mutating func parseSpecifiedType() -> TypeSyntax {
    let start = advance().range.start
    _ = parseBareType()
    return .other(text(of: range(from: start)))
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
    let start = currentStart
    let startsWithParenthesis = at(.leftParen)
    let first = parsePostfixType()
    if startsWithParenthesis && atFunctionTypeArrowOrEffects() { return parseFunctionTypeRest(start: start) }
    if current.isOperator("&") && !peek().isAtStartOfLine { return parseCompositionTypeRest(start: start) }
    return first
  }

  /// Whether `->` or effects follow a parenthesized type (making it a function type).
  func atFunctionTypeArrowOrEffects() -> Bool {
    at(.arrow) || at(contextual: "async") || at(keyword: "throws") || at(keyword: "rethrows")
  }

  /// function-type-rest = [ effects ] "->" type
  ///
  /// The rest of a function type after its parameter list: effects, `->`, result (kept as text).
  mutating func parseFunctionTypeRest(start: Int) -> TypeSyntax {
    _ = parseEffects()
    if consume(.arrow) == nil {
      errorExpected("'->' in function type")
    } else {
      _ = parseType()
    }
    return .function(text(of: range(from: start)))
  }

  /// composition-type-rest = "&" postfix-type { "&" postfix-type }
  ///
  /// The rest of a composition type after its first element: `& P & Q` (kept as text).
  mutating func parseCompositionTypeRest(start: Int) -> TypeSyntax {
    var progress = LoopProgress()
    while current.isOperator("&") && progress.evaluate(self) {
      advance()
      _ = parsePostfixType()
    }
    return .other(text(of: range(from: start)))
  }

  /// postfix-type = primary-type { "?" | "!" | "." ( "Type" | "Protocol" ) }
  ///
  /// `?` and `!` must be glued to the type (`Int?`); `T.Type` and `T.Protocol` are kept as text.
  mutating func parsePostfixType() -> TypeSyntax {
    let start = currentStart
    var type = parsePrimaryType()
    var progress = LoopProgress()
    while progress.evaluate(self) && !current.hasLeadingTrivia {
      guard let extended = parsePostfixTypeSuffix(of: type, start: start) else { break }
      type = extended
    }
    return type
  }

  /// postfix-type-suffix = "?" | "!" | "." ( "Type" | "Protocol" ) | "." type-name (after sugar)
  ///
  /// One suffix of a postfix type, or nil when none follows. A member type of array, dictionary
  /// or optional sugar (`[Double].Index`) is kept as text.
  mutating func parsePostfixTypeSuffix(of type: TypeSyntax, start: Int) -> TypeSyntax? {
    if current.isOperator && current.text.hasPrefix("?") && splitOperator(startingWith: "?") {
      advance()
      return .optional(type)
    }
    if current.isOperator && current.text.hasPrefix("!") && splitOperator(startingWith: "!") {
      advance()
      return .implicitlyUnwrappedOptional(type)
    }
    if at(.period) && (peek().isContextualKeyword("Type") || peek().isContextualKeyword("Protocol")) {
      advance()
      advance()
      return .other(text(of: range(from: start)))
    }
    if at(.period) && peekKind() == .identifier {
      switch type {
      case .array, .dictionary, .optional, .implicitlyUnwrappedOptional, .other:
        advance()
        advance()
        if atTypeGenericArgumentClauseStart() { _ = parseGenericArgumentClause() }
        return .other(text(of: range(from: start)))
      default:
        break
      }
    }
    return nil
  }

  /// primary-type = type-identifier | array-type | dictionary-type | tuple-type | opaque-type
  mutating func parsePrimaryType() -> TypeSyntax {
    switch currentKind {
    case .identifier where atOpaqueTypeKeyword(): return parseOpaqueType()
    case .keyword where at(keyword: "repeat"): return parseOpaqueType()
    case .prefixOperator where current.text == "~": return parseOpaqueType()
    case .identifier: return parseTypeIdentifier()
    case .keyword where at(keyword: "Self") || at(keyword: "_"): return parseTypeIdentifier()
    case .leftBracket: return parseCollectionType()
    case .leftParen: return parseTupleType()
    default:
      errorExpected("type")
      return .other("")
    }
  }

  /// Whether `some`, `any` or `each` starts an opaque, existential or pack type here.
  func atOpaqueTypeKeyword() -> Bool {
    !current.isEscaped && ["some", "any", "each"].contains(current.text) && Parser.canStartType(peek())
      && !peek().isAtStartOfLine
  }

  /// opaque-type = ( "some" | "any" | "each" | "repeat" ) bare-type | "~" postfix-type   (kept as text)
  mutating func parseOpaqueType() -> TypeSyntax {
    let start = currentStart
    let isSuppression = current.text == "~"
    advance()
    if isSuppression { _ = parsePostfixType() } else { _ = parseBareType() }
    return .other(text(of: range(from: start)))
  }

  /// type-identifier = type-name [ generic-argument-clause ] { "." type-name [ generic-argument-clause ] }
  mutating func parseTypeIdentifier() -> TypeSyntax {
    let start = advance().range.start
    if atTypeGenericArgumentClauseStart() { _ = parseGenericArgumentClause() }
    var progress = LoopProgress()
    while at(.period) && progress.evaluate(self) && (peekKind() == .identifier || peek().isKeyword("Self"))
      && !peek().isContextualKeyword("Type") && !peek().isContextualKeyword("Protocol")
    {
      advance()
      advance()
      if atTypeGenericArgumentClauseStart() { _ = parseGenericArgumentClause() }
    }
    return .named(text(of: range(from: start)))
  }

  /// array-type = "[" type "]"
  /// dictionary-type = "[" type ":" type "]"
  mutating func parseCollectionType() -> TypeSyntax {
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
      elements.append(parser.parseTupleTypeElement())
      hadTrailingComma = parser.at(.comma) && parser.peekKind() == .rightParen
    }
    if elements.count == 1 && elements[0].label == nil && !hadTrailingComma {
      return elements[0].type
    }
    return .tuple(elements)
  }

  /// tuple-type-element = [ element-name [ element-name ] ":" ] type [ "..." ]
  mutating func parseTupleTypeElement() -> TupleTypeElement {
    let label = parseTupleTypeElementLabel()
    let type = parseType()
    if current.isOperator("...") { advance() }
    return TupleTypeElement(label: label, type: type)
  }

  /// tuple-type-element-label = element-name ":" | element-name element-name ":"
  ///
  /// Consumed only when present.
  mutating func parseTupleTypeElementLabel() -> String? {
    if current.isNameLike && peekKind() == .colon {
      let label = advance().text
      advance()
      return label
    }
    if current.isNameLike && peek().isNameLike && peekKind(2) == .colon {
      advance()
      let label = advance().text
      advance()
      return label
    }
    return nil
  }

  /// generic-argument-clause = "<" type { "," type } ">"
  ///
  /// Returns the clause's text. A `>>` (or `>?`) that closes the clause is split.
  mutating func parseGenericArgumentClause() -> String {
    let start = currentStart
    _ = splitOperator(startingWith: "<")
    advance()
    let saved = enterDelimitedContext()
    defer { restoreContext(saved) }
    var progress = LoopProgress()
    while progress.evaluate(self) && !atEnd && !atRightAngle() {
      _ = parseType()
      if consume(.comma) == nil { break }
    }
    expectRightAngle(openedAt: start)
    return text(of: range(from: start))
  }

  /// Whether the current token is an operator starting with `>`.
  func atRightAngle() -> Bool {
    current.isOperator && current.text.hasPrefix(">")
  }

  /// Consumes the `>` that closes a generic clause opened at `start` (splitting `>>`), or reports
  /// it missing.
  mutating func expectRightAngle(openedAt start: Int) {
    if atRightAngle() && splitOperator(startingWith: ">") {
      advance()
    } else {
      let line = file.line(ofUTF8Offset: start)
      error("expected '>' to close '<' at line \(line), found \(describe(current))")
    }
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
