// Declarations: functions, initializers, variables, types and their members. Declarations the
// transform never looks into (typealias, subscript, import, operator, ...) are kept as text.

extension Parser {
  /// declaration = { attribute } { declaration-modifier } declaration-body
  /// declaration-body = function-declaration | initializer-declaration | variable-declaration
  ///                  | type-declaration | other-declaration
  mutating func parseDeclaration() -> Declaration {
    let start = current.range.start
    let attributes = parseAttributes()
    let modifiers = parseModifiers()
    let token = current
    if token.isKeyword("func") {
      return .function(parseFunctionDeclaration(attributes: attributes, modifiers: modifiers, start: start))
    }
    if token.isKeyword("init") {
      return .function(parseInitializerDeclaration(attributes: attributes, modifiers: modifiers, start: start))
    }
    if token.isKeyword("let") || token.isKeyword("var") {
      return .variable(parseVariableDeclaration(attributes: attributes, modifiers: modifiers, start: start))
    }
    if Parser.isTypeDeclarationKeyword(token, next: peek()) {
      return .type(parseTypeDeclaration(attributes: attributes, modifiers: modifiers, start: start))
    }
    if token.isKeyword("typealias") || token.isKeyword("associatedtype") {
      return parseTypeAliasDeclaration(start: start)
    }
    if token.isKeyword("subscript") {
      return parseSubscriptDeclaration(start: start)
    }
    if Parser.isDeclarationKeyword(token, next: peek()) {
      return parseOtherDeclaration(start: start)
    }
    errorExpected("declaration")
    let range = range(from: start)
    return .other(text: text(of: range), range: range)
  }

  /// Whether `token` starts a type declaration.
  static func isTypeDeclarationKeyword(_ token: Token, next: Token) -> Bool {
    if token.kind == .keyword {
      return ["struct", "class", "enum", "extension", "protocol"].contains(token.text)
    }
    return token.isContextualKeyword("actor") && next.kind == .identifier && !next.isAtStartOfLine
  }

  /// Whether `token` starts a declaration (after its attributes and modifiers).
  static func isDeclarationKeyword(_ token: Token, next: Token) -> Bool {
    if token.kind == .keyword {
      return [
        "func", "let", "var", "init", "deinit", "subscript", "struct", "class", "enum", "extension", "protocol",
        "typealias", "import", "operator", "precedencegroup", "associatedtype",
      ].contains(token.text)
    }
    return (token.isContextualKeyword("actor") || token.isContextualKeyword("macro")) && next.kind == .identifier
      && !next.isAtStartOfLine
  }

  /// The contextual and reserved words that can modify a declaration.
  static let modifierWords: Set<String> = [
    "public", "private", "fileprivate", "internal", "open", "package", "static", "class", "final", "mutating",
    "nonmutating", "override", "required", "convenience", "lazy", "weak", "unowned", "dynamic", "optional",
    "indirect", "nonisolated", "consuming", "borrowing", "distributed", "prefix", "postfix", "infix", "isolated",
    "__consuming", "async",
  ]

  /// Whether the token at `position` is a declaration modifier there (`class` only when another
  /// modifier or a declaration keyword follows it).
  func isModifier(at position: Int) -> Bool {
    let token = token(at: position)
    guard (token.kind == .identifier || token.kind == .keyword) && !token.isEscaped,
      Parser.modifierWords.contains(token.text)
    else { return false }
    let next = self.token(at: position + 1)
    if token.text == "class" {
      return isModifier(at: position + 1) || (next.kind == .keyword && ["func", "var", "let", "subscript"].contains(next.text))
    }
    if token.text == "async" {
      return next.isKeyword("let") || next.isKeyword("var")
    }
    return next.kind == .identifier || next.kind == .keyword || next.kind == .leftParen
  }

  /// Lookahead: whether a declaration starts at the current token (attributes, modifiers, then a
  /// declaration keyword).
  func isStartOfDeclaration() -> Bool {
    var position = index
    var steps = 0
    while token(at: position).kind == .atSign && steps < 100 {
      steps += 1
      position += 1
      if token(at: position).isContextualKeyword("unknown") { return false }
      while token(at: position).isNameLike && !token(at: position).hasLeadingTrivia {
        position += 1
        position = indexAfterGenericArguments(from: position) ?? position
        if token(at: position).kind == .period && token(at: position + 1).isNameLike { position += 1 } else { break }
      }
      if token(at: position).kind == .leftParen && !token(at: position).hasLeadingTrivia {
        guard let after = indexAfterBalancedGroup(from: position) else { return false }
        position = after
      }
    }
    while isModifier(at: position) && steps < 200 {
      steps += 1
      position += 1
      if token(at: position).kind == .leftParen && token(at: position + 1).isNameLike
        && token(at: position + 2).kind == .rightParen
      {
        position += 3
      }
    }
    return Parser.isDeclarationKeyword(token(at: position), next: token(at: position + 1))
  }

  // MARK: - Attributes and modifiers

  /// attributes = { attribute }
  mutating func parseAttributes() -> [Attribute] {
    var attributes: [Attribute] = []
    var progress = LoopProgress()
    while at(.atSign) && progress.evaluate(self) {
      attributes.append(parseAttribute())
    }
    return attributes
  }

  /// attribute = "@" attribute-name [ "(" balanced-tokens ")" ]
  /// attribute-name = identifier [ generic-argument-clause ] { "." identifier [ generic-argument-clause ] }
  mutating func parseAttribute() -> Attribute {
    let start = advance().range.start
    var name = ""
    if current.isNameLike && !current.hasLeadingTrivia {
      name = advance().text
      var progress = LoopProgress()
      if atTypeGenericArgumentClauseStart() { name += parseGenericArgumentClause() }
      while at(.period) && peek().isNameLike && !current.hasLeadingTrivia && progress.evaluate(self) {
        advance()
        name += "." + advance().text
        if atTypeGenericArgumentClauseStart() { name += parseGenericArgumentClause() }
      }
    } else {
      errorExpected("attribute name after '@'")
    }
    var arguments: String?
    if at(.leftParen) && !current.hasLeadingTrivia {
      let opener = advance()
      let argumentsStart = current.range.start
      var progress = LoopProgress()
      while !at(.rightParen) && !at(.rightBrace) && !at(.rightBracket) && !atEnd && progress.evaluate(self) {
        if at(.leftParen) || at(.leftBracket) || at(.leftBrace) { skipBalancedGroup() } else { advance() }
      }
      arguments = text(from: argumentsStart, to: max(argumentsStart, previousEnd))
      expectClosing(.rightParen, opener: opener)
    }
    return Attribute(name: name, arguments: arguments, range: range(from: start))
  }

  /// declaration-modifiers = { modifier-word [ "(" identifier ")" ] }
  mutating func parseModifiers() -> [String] {
    var modifiers: [String] = []
    var progress = LoopProgress()
    while isModifier(at: index) && progress.evaluate(self) {
      var word = advance().text
      if at(.leftParen) && peek().isNameLike && peek(2).kind == .rightParen {
        advance()
        word += "(" + advance().text + ")"
        advance()
      }
      modifiers.append(word)
    }
    return modifiers
  }

  // MARK: - Functions

  /// function-declaration = "func" function-name [ generic-parameter-clause ] parameter-clause
  ///                        [ effects ] [ "->" type ] [ generic-where-clause ] [ code-block ]
  /// function-name = identifier | operator
  mutating func parseFunctionDeclaration(attributes: [Attribute], modifiers: [String], start: Int) -> FunctionDeclaration {
    advance()
    var name = ""
    var nameRange = SourceRange(start: current.range.start, end: current.range.start)
    if at(.identifier) || current.isOperator {
      let token = advance()
      name = token.text
      nameRange = token.range
    } else if current.isNameLike && !current.isAtStartOfLine {
      // A keyword as a function name is an error, but the shape is clear.
      error("keyword '\(current.text)' cannot be used as a function name; write it in backticks")
      let token = advance()
      name = token.text
      nameRange = token.range
    } else {
      errorExpected("function name")
    }
    return parseFunctionSignatureAndBody(
      attributes: attributes, modifiers: modifiers, name: name, nameRange: nameRange, start: start)
  }

  /// initializer-declaration = "init" [ "?" | "!" ] [ generic-parameter-clause ] parameter-clause
  ///                           [ effects ] [ generic-where-clause ] [ code-block ]
  ///
  /// Represented as a function named `init` (`init?`, `init!`).
  mutating func parseInitializerDeclaration(attributes: [Attribute], modifiers: [String], start: Int) -> FunctionDeclaration {
    let keyword = advance()
    var name = "init"
    if current.kind == .postfixOperator && (current.text == "?" || current.text == "!") && !current.hasLeadingTrivia {
      name += advance().text
    }
    return parseFunctionSignatureAndBody(
      attributes: attributes, modifiers: modifiers, name: name, nameRange: range(from: keyword.range.start), start: start)
  }

  /// The part of a function or initializer declaration after its name.
  mutating func parseFunctionSignatureAndBody(
    attributes: [Attribute], modifiers: [String], name: String, nameRange: SourceRange, start: Int
  ) -> FunctionDeclaration {
    var genericParameters: String?
    if current.isOperator && current.text.hasPrefix("<") {
      genericParameters = parseGenericParameterClause()
    }
    let parameters = parseParameterClause()
    let effects = parseEffects()
    var resultType: TypeSyntax?
    if consume(.arrow) != nil {
      resultType = parseType()
    }
    var whereClause: String?
    if at(keyword: "where") {
      whereClause = parseGenericWhereClause()
    }
    var body: [Statement]?
    var bodyRange: SourceRange?
    if at(.leftBrace) {
      let bodyStart = current.range.start
      body = parseCodeBlock(after: "function signature")
      bodyRange = range(from: bodyStart)
    }
    return FunctionDeclaration(
      attributes: attributes, modifiers: modifiers, name: name, genericParameters: genericParameters,
      parameters: parameters, effects: effects, resultType: resultType, whereClause: whereClause, body: body,
      range: range(from: start), nameRange: nameRange, bodyRange: bodyRange)
  }

  /// parameter-clause = "(" [ parameter { "," parameter } [ "," ] ] ")"
  mutating func parseParameterClause() -> [Parameter] {
    guard at(.leftParen) else {
      errorExpected("'(' to start the parameter list")
      return []
    }
    let opener = advance()
    let saved = enterDelimitedContext()
    defer { restoreContext(saved) }
    var parameters: [Parameter] = []
    parseDelimitedList(opener: opener, closer: .rightParen, what: "parameter list") { parser in
      parameters.append(parser.parseParameter())
    }
    return parameters
  }

  /// parameter = { attribute } [ argument-label ] parameter-name ":" type [ "..." ] [ "=" expression ]
  mutating func parseParameter() -> Parameter {
    let start = current.range.start
    _ = parseAttributes()
    var label: String?
    var name = "_"
    if current.isNameLike {
      name = advance().text
      if current.isNameLike {
        label = name
        name = advance().text
      }
    } else {
      errorExpected("parameter name")
    }
    var type: TypeSyntax = .other("")
    if consume(.colon) != nil {
      type = parseType()
    } else {
      errorExpected("':' and a type after parameter name '\(name)'")
    }
    var isVariadic = false
    if current.isOperator("...") {
      advance()
      isVariadic = true
    }
    var defaultValue: String?
    if current.isOperator("=") {
      advance()
      let valueStart = current.range.start
      _ = parseExpression()
      defaultValue = text(from: valueStart, to: max(valueStart, previousEnd))
    }
    return Parameter(
      label: label, name: name, type: type, isVariadic: isVariadic, defaultValue: defaultValue, range: range(from: start))
  }

  /// generic-parameter-clause = "<" generic-parameter { "," generic-parameter } ">"
  /// generic-parameter = [ "each" ] type-name [ ":" type ]
  ///
  /// Returns the clause's text.
  mutating func parseGenericParameterClause() -> String {
    let start = current.range.start
    _ = splitOperator(startingWith: "<")
    advance()
    var progress = LoopProgress()
    while progress.evaluate(self) && !atEnd {
      if current.isOperator && current.text.hasPrefix(">") { break }
      _ = consume(contextual: "each")
      if at(.identifier) {
        advance()
      } else {
        errorExpected("generic parameter name")
        break
      }
      if consume(.colon) != nil { _ = parseType() }
      if consume(.comma) == nil { break }
    }
    if at(keyword: "where") { _ = parseGenericWhereClause() }
    expectRightAngle(openedAt: start)
    return text(of: range(from: start))
  }

  /// generic-where-clause = "where" requirement { "," requirement }
  /// requirement = type ( ":" type | "==" type )
  ///
  /// Returns the clause's text, `where` included.
  mutating func parseGenericWhereClause() -> String {
    let start = advance().range.start
    var progress = LoopProgress()
    while progress.evaluate(self) && !atEnd {
      _ = parseType()
      if consume(.colon) != nil {
        _ = parseType()
      } else if current.isOperator("==") {
        advance()
        _ = parseType()
      } else {
        errorExpected("':' or '==' in 'where' clause requirement")
      }
      if consume(.comma) == nil { break }
    }
    return text(of: range(from: start))
  }

  // MARK: - Variables

  /// variable-declaration = ( "let" | "var" ) pattern-binding { "," pattern-binding }
  mutating func parseVariableDeclaration(attributes: [Attribute], modifiers: [String], start: Int) -> VariableDeclaration {
    let isVariable = advance().text == "var"
    var bindings: [PatternBinding] = []
    var progress = LoopProgress()
    while progress.evaluate(self) {
      bindings.append(parsePatternBinding())
      if consume(.comma) == nil { break }
    }
    return VariableDeclaration(
      attributes: attributes, modifiers: modifiers, isVariable: isVariable, bindings: bindings, range: range(from: start))
  }

  /// pattern-binding = binding-pattern [ ":" type ] [ "=" expression ] [ accessor-block ]
  mutating func parsePatternBinding() -> PatternBinding {
    let start = current.range.start
    let pattern = parseBindingPattern()
    var type: TypeSyntax?
    if consume(.colon) != nil {
      type = parseType()
    }
    var initializer: Expression?
    if current.isOperator("=") {
      advance()
      initializer = parseExpression()
    }
    var accessors: String?
    if at(.leftBrace) && (initializer == nil || isAccessorBlockStart()) {
      accessors = parseAccessorBlock()
    }
    return PatternBinding(pattern: pattern, type: type, initializer: initializer, accessors: accessors, range: range(from: start))
  }

  /// accessor-block = "{" tokens "}"   (a getter body, `get`/`set`, or `willSet`/`didSet`)
  ///
  /// Returns the block's text, braces included.
  mutating func parseAccessorBlock() -> String {
    let opener = current
    skipBalancedGroup()
    if index == 0 || tokens[index - 1].kind != .rightBrace || atEnd && tokens[index - 1].range.start == opener.range.start {
      let line = file.line(ofUTF8Offset: opener.range.start)
      error("expected '}' to close '{' at line \(line), found \(describe(current))")
    }
    return text(of: range(from: opener.range.start))
  }

  // MARK: - Types

  /// type-declaration = ( "struct" | "class" | "enum" | "actor" | "protocol" | "extension" ) type-name
  ///                    [ generic-parameter-clause ] [ inheritance-clause ] [ generic-where-clause ] member-block
  /// inheritance-clause = ":" type { "," type }
  mutating func parseTypeDeclaration(attributes: [Attribute], modifiers: [String], start: Int) -> TypeDeclaration {
    let kind = advance().text
    var name = ""
    if kind == "extension" {
      let nameStart = current.range.start
      _ = parseType()
      name = text(from: nameStart, to: max(nameStart, previousEnd))
    } else if current.kind == .identifier {
      name = advance().text
    } else {
      errorExpected("\(kind) name")
    }
    var genericParameters: String?
    if kind != "extension" && current.isOperator && current.text.hasPrefix("<") {
      genericParameters = parseGenericParameterClause()
    }
    var inheritance: [String] = []
    if consume(.colon) != nil {
      var progress = LoopProgress()
      while progress.evaluate(self) {
        let typeStart = current.range.start
        _ = parseType()
        inheritance.append(text(from: typeStart, to: max(typeStart, previousEnd)))
        if consume(.comma) == nil { break }
      }
    }
    var whereClause: String?
    if at(keyword: "where") {
      whereClause = parseGenericWhereClause()
    }
    var members = Members()
    parseMemberBlock(into: &members)
    return TypeDeclaration(
      kind: kind, attributes: attributes, modifiers: modifiers, name: name, genericParameters: genericParameters,
      inheritance: inheritance, whereClause: whereClause, properties: members.properties, functions: members.functions,
      hasInitializer: members.hasInitializer, range: range(from: start))
  }

  /// What a member block declares, as the macros need it.
  struct Members {
    /// Properties, one per bound name.
    var properties: [StoredProperty] = []
    /// Functions (not initializers).
    var functions: [FunctionDeclaration] = []
    /// Whether an `init` is declared.
    var hasInitializer = false
  }

  /// member-block = "{" { member [ ";" ] } "}"
  /// member = declaration | enum-case-declaration | conditional-compilation-block
  mutating func parseMemberBlock(into members: inout Members) {
    guard at(.leftBrace) else {
      errorExpected("'{' to start the declaration's body")
      return
    }
    let opener = current
    guard enterNesting() else { return }
    defer { leaveNesting() }
    advance()
    let saved = enterDelimitedContext()
    defer { restoreContext(saved) }
    var progress = LoopProgress()
    while !at(.rightBrace) && !atEnd && progress.evaluate(self) {
      if consume(.semicolon) != nil { continue }
      if at(.pound) && current.text == "#if" {
        _ = parseConditionalCompilationBlock()
        continue
      }
      if at(.pound) && current.text == "#sourceLocation" {
        _ = parseLineControlStatement()
        continue
      }
      parseMember(into: &members)
    }
    expectClosing(.rightBrace, opener: opener)
  }

  /// member = { attribute } { declaration-modifier } ( variable-declaration | function-declaration
  ///        | initializer-declaration | type-declaration | other-declaration ) | enum-case-declaration
  ///
  /// Adds what the member declares to `members`.
  mutating func parseMember(into members: inout Members) {
    let before = index
    if isEnumCaseDeclarationStart() {
      parseEnumCaseDeclaration()
      return
    }
    guard isStartOfDeclaration() else {
      errorExpected("declaration in the body of a type")
      synchronizeToStatementBoundary(inSwitch: false)
      if index == before { advance() }
      return
    }
    switch parseDeclaration() {
    case .function(let function):
      if ["init", "init?", "init!"].contains(function.name) && function.name == text(of: function.nameRange) {
        members.hasInitializer = true
      } else {
        members.functions.append(function)
      }
    case .variable(let variable):
      for binding in variable.bindings {
        for (name, type) in Parser.propertyNames(of: binding) {
          members.properties.append(
            StoredProperty(
              attributes: variable.attributes, modifiers: variable.modifiers, isVariable: variable.isVariable,
              name: name, type: type, initializer: binding.initializer.map { text(of: Parser.range(of: $0)) },
              hasAccessors: binding.accessors != nil, range: variable.range))
        }
      }
    case .type, .other:
      break
    }
    if index == before { advance() }
  }

  /// The names a property binding declares, with their types when known.
  static func propertyNames(of binding: PatternBinding) -> [(String, TypeSyntax?)] {
    if case .identifier(let name, _) = binding.pattern { return [(name, binding.type)] }
    return names(boundBy: binding.pattern).map { ($0, nil) }
  }

  /// Whether an enum `case` declaration (possibly `indirect`) starts here.
  func isEnumCaseDeclarationStart() -> Bool {
    var position = index
    while token(at: position).kind == .atSign {
      position += 1
      if token(at: position).isNameLike { position += 1 }
      if token(at: position).kind == .leftParen, let after = indexAfterBalancedGroup(from: position) { position = after }
    }
    if token(at: position).isContextualKeyword("indirect") { position += 1 }
    return token(at: position).isKeyword("case")
  }

  /// enum-case-declaration = { attribute } [ "indirect" ] "case" tokens   (skipped)
  mutating func parseEnumCaseDeclaration() {
    _ = parseAttributes()
    _ = consume(contextual: "indirect")
    advance()
    skipRestOfDeclaration()
  }

  /// typealias-declaration = "typealias" identifier [ generic-parameter-clause ] "=" type
  /// associatedtype-declaration = "associatedtype" identifier [ ":" type { "," type } ]
  ///                              [ generic-where-clause ] [ "=" type ]
  ///
  /// Kept as text.
  mutating func parseTypeAliasDeclaration(start: Int) -> Declaration {
    let isAlias = advance().text == "typealias"
    if current.isNameLike { advance() } else { errorExpected("type name") }
    if isAlias && current.isOperator && current.text.hasPrefix("<") { _ = parseGenericParameterClause() }
    if isAlias && at(keyword: "where") { _ = parseGenericWhereClause() }
    if !isAlias && consume(.colon) != nil {
      var progress = LoopProgress()
      while progress.evaluate(self) {
        _ = parseType()
        if consume(.comma) == nil { break }
      }
    }
    if !isAlias && at(keyword: "where") { _ = parseGenericWhereClause() }
    if current.isOperator("=") {
      advance()
      _ = parseType()
    } else if isAlias {
      errorExpected("'=' in typealias declaration")
    }
    if isAlias && at(keyword: "where") { _ = parseGenericWhereClause() }
    let range = range(from: start)
    return .other(text: text(of: range), range: range)
  }

  /// subscript-declaration = "subscript" [ generic-parameter-clause ] parameter-clause "->" type
  ///                         [ generic-where-clause ] [ accessor-block ]
  ///
  /// Kept as text.
  mutating func parseSubscriptDeclaration(start: Int) -> Declaration {
    advance()
    if current.isOperator && current.text.hasPrefix("<") { _ = parseGenericParameterClause() }
    _ = parseParameterClause()
    if consume(.arrow) != nil {
      _ = parseType()
    } else {
      errorExpected("'->' and a result type in subscript declaration")
    }
    if at(keyword: "where") { _ = parseGenericWhereClause() }
    if at(.leftBrace) { _ = parseAccessorBlock() }
    let range = range(from: start)
    return .other(text: text(of: range), range: range)
  }

  /// other-declaration = declaration-keyword tokens [ "{" tokens "}" ]
  ///
  /// Kept as text; ends at the end of the line, at `;`, or after a braced body.
  mutating func parseOtherDeclaration(start: Int) -> Declaration {
    advance()
    skipRestOfDeclaration()
    let range = range(from: start)
    return .other(text: text(of: range), range: range)
  }

  /// Whether the line starting at the current token continues the previous one: the previous
  /// line ended with an operator, `->`, `,` or `:`, or this one starts with a binary operator,
  /// `->`, `.` or `where`.
  func isContinuationLine() -> Bool {
    let previous = token(at: index - 1)
    if index > 0 && [.binaryOperator, .prefixOperator, .arrow, .comma, .colon, .atSign].contains(previous.kind) {
      return true
    }
    return [.binaryOperator, .arrow, .period].contains(currentKind) || at(keyword: "where")
  }

  /// Skips to the end of a declaration kept as text: the end of the line, `;`, a `}` that closes
  /// the enclosing block, or just after a braced body. Groups are skipped whole.
  mutating func skipRestOfDeclaration() {
    var progress = LoopProgress()
    while !atEnd && progress.evaluate(self) {
      if current.isAtStartOfLine && !isContinuationLine() { return }
      if at(.semicolon) || at(.rightBrace) { return }
      if at(.leftBrace) {
        skipBalancedGroup()
        return
      }
      if at(.leftParen) || at(.leftBracket) { skipBalancedGroup() } else { advance() }
    }
  }
}
