// Expressions: operator sequences folded by precedence, prefix and postfix expressions, primary
// expressions, closures, argument lists.

/// An infix operator read while parsing a sequence expression, waiting to be folded.
struct PendingOperator {
  /// What the operator does with its operands.
  enum Kind {
    /// `a op b`, including the assignment operators (folded into a temporary binary node that
    /// the statement parser turns into `Statement.assignment`).
    case binary(String)
    /// `condition ? then : else`; the middle expression is parsed already.
    case ternary(then: Expression)
  }
  /// What the operator does.
  var kind: Kind
  /// Its precedence group.
  var group: PrecedenceGroup
}

/// What `parseInfixOperator` read.
enum InfixOperator {
  /// An operator that takes a right operand.
  case pending(PendingOperator)
  /// `as T`, `as? T`, `as! T`, `is T`: applies to what is on its left, takes no operand.
  case cast(CastKind, TypeSyntax)
}

extension Parser {
  // MARK: - Expressions

  /// expression = sequence-expression
  ///
  /// An assignment at the top (`(a = b)` inside an expression) is kept as `.unknown` text: the
  /// AST has assignments only as statements.
  mutating func parseExpression() -> Expression {
    let start = current.range.start
    let startIndex = index
    guard enterNesting() else { return .unknown(text: "", range: SourceRange(start: start, end: start)) }
    defer { leaveNesting() }
    let expression = assignmentAsUnknown(parseSequenceExpression())
    return limitingDepth(expression, startIndex: startIndex)
  }

  /// Like `parseExpression`, but an assignment at the top stays a binary node with an assignment
  /// operator, for the statement parser.
  mutating func parseExpressionOrAssignment() -> Expression {
    let start = current.range.start
    let startIndex = index
    guard enterNesting() else { return .unknown(text: "", range: SourceRange(start: start, end: start)) }
    defer { leaveNesting() }
    let expression = parseSequenceExpression()
    return limitingDepth(expression, startIndex: startIndex)
  }

  /// Replaces an assignment at the top of `expression` by `.unknown` text.
  func assignmentAsUnknown(_ expression: Expression) -> Expression {
    if case .binaryOperator(let spelling, _, _, let range) = expression, OperatorTable.isAssignment(spelling) {
      return .unknown(text: text(of: range), range: range)
    }
    return expression
  }

  /// Replaces an expression whose tree is deeper than `maximumExpressionDepth` by `.unknown`
  /// text, with an error. An expression spanning fewer tokens than the limit cannot be that deep
  /// (every level of the tree owns at least one token), so only long ones are measured.
  mutating func limitingDepth(_ expression: Expression, startIndex: Int) -> Expression {
    guard index - startIndex > Parser.maximumExpressionDepth,
      TreeDepth.exceeds(expression, Parser.maximumExpressionDepth)
    else { return expression }
    let range = Parser.range(of: expression)
    error(
      "nesting too deep: expression is more than \(Parser.maximumExpressionDepth) levels deep; split it into several statements",
      at: SourceRange(start: range.start, end: range.start))
    return .unknown(text: text(of: range), range: range)
  }

  /// sequence-expression = sequence-element { infix-operator sequence-element }
  ///
  /// The operands and operators are folded with the standard precedence groups as they are read
  /// (shunting-yard, no recursion): see `OperatorTable`.
  mutating func parseSequenceExpression() -> Expression {
    var operands: [Expression] = [parseSequenceElement()]
    var operators: [PendingOperator] = []
    var progress = LoopProgress()
    while progress.evaluate(self) {
      guard let infix = parseInfixOperator() else { break }
      switch infix {
      case .cast(let kind, let type):
        while let top = operators.last, top.group >= .casting {
          Parser.reduce(&operands, &operators)
        }
        let operand = operands.removeLast()
        operands.append(.cast(operand, kind: kind, type: type, range: range(from: Parser.range(of: operand).start)))
      case .pending(let pending):
        let group = pending.group
        while let top = operators.last,
          top.group > group || (top.group == group && group.associativity != .right)
        {
          Parser.reduce(&operands, &operators)
        }
        operators.append(pending)
        if Parser.canStartExpression(current) || current.isOperator {
          operands.append(parseSequenceElement())
        } else {
          errorExpected("expression after operator")
          operands.append(.unknown(text: "", range: SourceRange(start: current.range.start, end: current.range.start)))
        }
      }
    }
    while !operators.isEmpty { Parser.reduce(&operands, &operators) }
    return operands.last ?? .unknown(text: "", range: SourceRange(start: current.range.start, end: current.range.start))
  }

  /// Folds the top operator of the stack with its two operands.
  static func reduce(_ operands: inout [Expression], _ operators: inout [PendingOperator]) {
    guard let pending = operators.popLast(), operands.count >= 2 else { return }
    let right = operands.removeLast()
    let left = operands.removeLast()
    let range = SourceRange(start: Parser.range(of: left).start, end: Parser.range(of: right).end)
    switch pending.kind {
    case .binary(let spelling):
      operands.append(.binaryOperator(operator: spelling, left: left, right: right, range: range))
    case .ternary(let then):
      operands.append(.ternary(condition: left, then: then, else: right, range: range))
    }
  }

  /// infix-operator = binary-operator | assignment-operator | "?" expression ":" | type-casting-operator
  /// type-casting-operator = ( "as" [ "?" | "!" ] | "is" ) type
  ///
  /// Returns nil (consuming nothing) when the current token does not continue the sequence. An
  /// operator that the whitespace rules make prefix or postfix but that sits between two operands
  /// on one line (`a -b`, `a+ b`) is taken as binary.
  mutating func parseInfixOperator() -> InfixOperator? {
    let token = current
    switch token.kind {
    case .binaryOperator, .prefixOperator, .postfixOperator:
      if token.kind == .prefixOperator && token.isAtStartOfLine { return nil }
      if token.kind == .postfixOperator && (token.text == "?" || token.text == "!") { return nil }
      if token.text == "?" {
        advance()
        let then = parseExpression()
        if consume(.colon) == nil {
          errorExpected("':' after '? ...' in ternary expression")
        }
        return .pending(PendingOperator(kind: .ternary(then: then), group: .ternary))
      }
      if OperatorTable.isAssignment(token.text) && !allowsAssignment { return nil }
      advance()
      return .pending(PendingOperator(kind: .binary(token.text), group: OperatorTable.group(ofInfix: token.text)))
    case .keyword where token.text == "as" || token.text == "is":
      advance()
      var kind: CastKind = token.text == "is" ? .is : .as
      if token.text == "as" && current.kind == .postfixOperator && !current.hasLeadingTrivia {
        if current.text == "?" {
          kind = .conditional
          advance()
        } else if current.text == "!" {
          kind = .forced
          advance()
        }
      }
      return .cast(kind, parseType())
    default:
      return nil
    }
  }

  /// sequence-element = ( "try" [ "?" | "!" ] | "await" ) sequence-expression | prefix-expression
  ///
  /// `try` and `await` cover everything to their right in the sequence (`x = try a + b` tries
  /// `a + b`).
  mutating func parseSequenceElement() -> Expression {
    let start = current.range.start
    if at(keyword: "try") {
      advance()
      var kind = TryKind.plain
      if current.kind == .postfixOperator && !current.hasLeadingTrivia {
        if current.text == "?" {
          kind = .optional
          advance()
        } else if current.text == "!" {
          kind = .forced
          advance()
        }
      }
      guard enterNesting() else { return .unknown(text: "", range: range(from: start)) }
      defer { leaveNesting() }
      let operand = assignmentAsUnknown(parseSequenceExpression())
      return .try(operand, kind: kind, range: range(from: start))
    }
    if at(contextual: "await") && isAwaitKeyword() {
      advance()
      guard enterNesting() else { return .unknown(text: "", range: range(from: start)) }
      defer { leaveNesting() }
      let operand = assignmentAsUnknown(parseSequenceExpression())
      return .await(operand, range: range(from: start))
    }
    return parsePrefixExpression()
  }

  /// Whether the contextual word `await` at the current token is the operator (followed by an
  /// operand on the same line) rather than a name.
  func isAwaitKeyword() -> Bool {
    let next = peek()
    if next.isAtStartOfLine { return false }
    if next.kind == .leftParen && !next.hasLeadingTrivia { return false }
    return Parser.canStartExpression(next) && next.kind != .leftBrace
  }

  /// prefix-expression = prefix-operator prefix-expression | postfix-expression
  mutating func parsePrefixExpression() -> Expression {
    let token = current
    let isSpacedOperator = token.kind == .binaryOperator && token.text != "?"
      && !OperatorTable.isAssignment(token.text) && !peek().isAtStartOfLine && Parser.canStartExpression(peek())
    if token.kind == .prefixOperator || isSpacedOperator {
      if isSpacedOperator {
        error("unary operator '\(token.text)' cannot be separated from its operand", at: token.range)
      }
      guard enterNesting() else { return .unknown(text: "", range: token.range) }
      defer { leaveNesting() }
      advance()
      let operand = parsePrefixExpression()
      return .prefixOperator(operator: token.text, operand: operand, range: range(from: token.range.start))
    }
    return parsePostfixExpression()
  }

  /// postfix-expression = primary-expression { postfix-suffix }
  /// postfix-suffix = "." member-name [ generic-argument-clause ] | "?" | "!" | postfix-operator
  ///                | function-call-suffix | subscript-suffix | trailing-closures
  ///
  /// A `(` or `[` on a new line starts a new statement, not a call or subscript. A `{` starts
  /// trailing closures only where they are allowed (not in `if`/`while`/... conditions).
  mutating func parsePostfixExpression() -> Expression {
    var expression = parsePrimaryExpression()
    let start = Parser.range(of: expression).start
    var progress = LoopProgress()
    while progress.evaluate(self) {
      let token = current
      switch token.kind {
      case .period:
        advance()
        guard let name = parseMemberName() else { return expression }
        expression = .member(base: expression, name: name, range: range(from: start))
      case .postfixOperator:
        if token.text == "!" {
          advance()
          expression = .forceUnwrap(expression, range: range(from: start))
        } else if token.text == "?" {
          advance()
          expression = .optionalChain(expression, range: range(from: start))
        } else {
          let next = peek()
          if !next.isAtStartOfLine && next.kind != .leftBrace && next.kind != .period && Parser.canStartExpression(next) {
            return expression  // `a+ b`: the sequence parser takes it as binary.
          }
          advance()
          expression = .postfixOperator(operator: token.text, operand: expression, range: range(from: start))
        }
      case .leftParen where !token.isAtStartOfLine:
        let arguments = parseArgumentList(closer: .rightParen, what: "argument list")
        var closures: [TrailingClosure] = []
        if at(.leftBrace) && allowsTrailingClosures && !isAccessorBlockStart() {
          closures = parseTrailingClosures()
        }
        expression = .call(callee: expression, arguments: arguments, trailingClosures: closures, range: range(from: start))
      case .leftBracket where !token.isAtStartOfLine:
        let arguments = parseArgumentList(closer: .rightBracket, what: "subscript")
        expression = .subscript(base: expression, arguments: arguments, range: range(from: start))
      case .leftBrace where allowsTrailingClosures && Parser.acceptsTrailingClosure(expression) && !isAccessorBlockStart():
        let closures = parseTrailingClosures()
        if case .call(let callee, let arguments, let existing, _) = expression, existing.isEmpty {
          expression = .call(callee: callee, arguments: arguments, trailingClosures: closures, range: range(from: start))
        } else {
          expression = .call(callee: expression, arguments: [], trailingClosures: closures, range: range(from: start))
        }
      default:
        return expression
      }
    }
    return expression
  }

  /// member-name = identifier | keyword | decimal-digits   (after `.`; `x.0`, `x.init`, `x.self`)
  ///
  /// Followed by generic arguments when they are written (`Tensor.zeros<Float>`), which are kept
  /// in the name.
  mutating func parseMemberName() -> String? {
    guard current.isNameLike || at(.integerLiteral) else {
      errorExpected("member name following '.'")
      return nil
    }
    var name = advance().text
    if atGenericArgumentClauseStart() {
      name += parseGenericArgumentClause()
    }
    return name
  }

  /// Whether a trailing closure may follow `expression`: a name, a member, an implicit member, a
  /// force unwrap, or a call without trailing closures yet.
  static func acceptsTrailingClosure(_ expression: Expression) -> Bool {
    switch expression {
    case .identifier(let name, _):
      return !Keywords.expressionNames.contains(name)
    case .member, .implicitMember, .forceUnwrap:
      return true
    case .call(_, _, let closures, _):
      return closures.isEmpty
    default:
      return false
    }
  }

  /// Whether the `{` at the current token opens `willSet`/`didSet` observers rather than a
  /// trailing closure (`var x = 0 { didSet { } }`).
  func isAccessorBlockStart() -> Bool {
    let next = peek()
    return next.isContextualKeyword("willSet") || next.isContextualKeyword("didSet")
  }

  /// trailing-closures = closure-expression { argument-label ":" closure-expression }
  mutating func parseTrailingClosures() -> [TrailingClosure] {
    var closures = [TrailingClosure(label: nil, closure: parseClosureExpression())]
    var progress = LoopProgress()
    while progress.evaluate(self) && current.isNameLike && peek().kind == .colon && peek(2).kind == .leftBrace
      && !at(keyword: "default") && !at(keyword: "case")
    {
      let label = advance().text
      advance()
      closures.append(TrailingClosure(label: label, closure: parseClosureExpression()))
    }
    return closures
  }

  /// function-call-suffix = "(" [ argument { "," argument } [ "," ] ] ")"
  /// subscript-suffix = "[" [ argument { "," argument } [ "," ] ] "]"
  mutating func parseArgumentList(closer: TokenKind, what: String) -> [Argument] {
    let opener = advance()
    let saved = enterDelimitedContext()
    defer { restoreContext(saved) }
    var arguments: [Argument] = []
    parseDelimitedList(opener: opener, closer: closer, what: what) { parser in
      arguments.append(parser.parseArgument(closer: closer))
    }
    return arguments
  }

  /// Allows trailing closures and `=` again (inside delimiters); returns the previous settings.
  mutating func enterDelimitedContext() -> (closures: Bool, assignment: Bool) {
    let saved = (allowsTrailingClosures, allowsAssignment)
    allowsTrailingClosures = true
    allowsAssignment = true
    return saved
  }

  /// Restores settings saved by `enterDelimitedContext`.
  mutating func restoreContext(_ saved: (closures: Bool, assignment: Bool)) {
    allowsTrailingClosures = saved.closures
    allowsAssignment = saved.assignment
  }

  /// argument = [ argument-label ":" ] ( expression | operator )
  mutating func parseArgument(closer: TokenKind) -> Argument {
    let start = current.range.start
    var label: String?
    if current.isNameLike && peek().kind == .colon {
      label = advance().text
      advance()
    }
    let value: Expression
    if current.isOperator && (peek().kind == .comma || peek().kind == closer) {
      let token = advance()
      value = .identifier(name: token.text, range: token.range)
    } else {
      value = parseExpression()
    }
    return Argument(label: label, value: value, range: range(from: start))
  }

  // MARK: - Primary expressions

  /// primary-expression = identifier [ generic-argument-clause ] | literal | "self" | "Self" | "super"
  ///                    | parenthesized-or-tuple-expression | collection-literal | closure-expression
  ///                    | implicit-member-expression | "_" | key-path-expression
  ///                    | macro-expansion-expression | if-expression | switch-expression
  /// literal = integer-literal | floating-literal | string-literal | "true" | "false" | "nil"
  mutating func parsePrimaryExpression() -> Expression {
    let token = current
    switch token.kind {
    case .identifier:
      advance()
      var name = token.text
      if atGenericArgumentClauseStart() {
        name += parseGenericArgumentClause()
      }
      return .identifier(name: name, range: range(from: token.range.start))
    case .integerLiteral:
      advance()
      return .integerLiteral(text: token.text, range: token.range)
    case .floatLiteral:
      advance()
      return .floatLiteral(text: token.text, range: token.range)
    case .stringLiteral:
      advance()
      return .stringLiteral(text: token.text, range: token.range)
    case .keyword:
      switch token.text {
      case "true", "false":
        advance()
        return .booleanLiteral(value: token.text == "true", range: token.range)
      case "nil":
        advance()
        return .nilLiteral(range: token.range)
      case "self", "Self", "super":
        advance()
        return .identifier(name: token.text, range: token.range)
      case "_":
        advance()
        return .discard(range: token.range)
      case "if":
        let statement = parseIfStatement()
        return .unknown(text: text(of: statement.range), range: statement.range)
      case "switch":
        let start = token.range.start
        _ = parseSwitchStatement(label: nil, start: start)
        return .unknown(text: text(of: range(from: start)), range: range(from: start))
      default:
        break
      }
    case .leftParen:
      return parseParenthesizedOrTupleExpression()
    case .leftBracket:
      return parseCollectionLiteral()
    case .leftBrace:
      return .closure(parseClosureExpression())
    case .period:
      return parseImplicitMemberExpression()
    case .backslash:
      return parseKeyPathExpression()
    case .pound:
      if !Parser.isCompilerDirective(token.text) {
        return parseMacroExpansionExpression()
      }
    default:
      break
    }
    errorExpected("expression")
    return .unknown(text: "", range: SourceRange(start: token.range.start, end: token.range.start))
  }

  /// Whether `#name` is a compiler directive (`#if`, `#else`, ...) rather than a macro.
  static func isCompilerDirective(_ spelling: String) -> Bool {
    ["#if", "#elseif", "#else", "#endif", "#sourceLocation"].contains(spelling)
  }

  /// Whether the token can start an expression (used to decide how an operator is bound).
  static func canStartExpression(_ token: Token) -> Bool {
    switch token.kind {
    case .identifier, .integerLiteral, .floatLiteral, .stringLiteral, .leftParen, .leftBracket, .leftBrace,
      .period, .prefixOperator, .backslash:
      return true
    case .pound:
      return !isCompilerDirective(token.text)
    case .keyword:
      return ["true", "false", "nil", "self", "Self", "super", "try", "_", "if", "switch"].contains(token.text)
    default:
      return false
    }
  }

  /// parenthesized-expression = "(" expression ")"
  /// tuple-expression = "(" [ argument { "," argument } [ "," ] ] ")"
  /// operator-reference = "(" operator ")"
  mutating func parseParenthesizedOrTupleExpression() -> Expression {
    let start = current.range.start
    if peek().isOperator && peek(2).kind == .rightParen {
      advance()
      let name = advance().text
      advance()
      return .identifier(name: name, range: range(from: start))
    }
    let elements = parseArgumentList(closer: .rightParen, what: "tuple")
    if elements.count == 1, elements[0].label == nil {
      return .parenthesized(elements[0].value, range: range(from: start))
    }
    return .tuple(elements: elements, range: range(from: start))
  }

  /// collection-literal = "[" [ expression { "," expression } [ "," ] ] "]"
  ///                    | "[" ( ":" | dictionary-element { "," dictionary-element } [ "," ] ) "]"
  /// dictionary-element = expression ":" expression
  mutating func parseCollectionLiteral() -> Expression {
    let start = current.range.start
    if peek().kind == .colon && peek(2).kind == .rightBracket {
      advance()
      advance()
      advance()
      return .dictionaryLiteral(elements: [], range: range(from: start))
    }
    let opener = advance()
    let saved = enterDelimitedContext()
    defer { restoreContext(saved) }
    var isDictionary: Bool?
    var elements: [Expression] = []
    var pairs: [DictionaryElement] = []
    parseDelimitedList(opener: opener, closer: .rightBracket, what: "collection literal") { parser in
      let key = parser.parseExpression()
      if isDictionary == nil { isDictionary = parser.at(.colon) }
      if isDictionary == true {
        parser.expect(.colon, "':' in dictionary literal")
        pairs.append(DictionaryElement(key: key, value: parser.parseExpression()))
      } else {
        elements.append(key)
      }
    }
    if isDictionary == true {
      return .dictionaryLiteral(elements: pairs, range: range(from: start))
    }
    return .arrayLiteral(elements: elements, range: range(from: start))
  }

  /// implicit-member-expression = "." member-name
  mutating func parseImplicitMemberExpression() -> Expression {
    let start = advance().range.start
    guard let name = parseMemberName() else {
      return .unknown(text: ".", range: range(from: start))
    }
    return .implicitMember(name: name, range: range(from: start))
  }

  /// key-path-expression = "\" [ type-name [ generic-argument-clause ] ] key-path-component { key-path-component }
  /// key-path-component = "." ( member-name | decimal-digits ) | "?" | "!" | "[" arguments "]"
  ///
  /// Kept as text; the components must not be separated by whitespace.
  mutating func parseKeyPathExpression() -> Expression {
    let start = advance().range.start
    let firstIndex = index
    if (at(.identifier) || at(keyword: "Self")) && !current.hasLeadingTrivia {
      advance()
      if atGenericArgumentClauseStart() { _ = parseGenericArgumentClause() }
    }
    var progress = LoopProgress()
    while progress.evaluate(self) && !current.hasLeadingTrivia {
      if at(.period) && (peek().isNameLike || peek().kind == .integerLiteral) && !peek().hasLeadingTrivia {
        advance()
        advance()
      } else if current.kind == .postfixOperator && (current.text == "?" || current.text == "!") {
        advance()
      } else if at(.leftBracket) {
        skipBalancedGroup()
      } else {
        break
      }
    }
    if index == firstIndex {
      errorExpected("key path component after '\\'")
    }
    return .keyPath(text: text(of: range(from: start)), range: range(from: start))
  }

  /// macro-expansion-expression = "#" identifier [ generic-argument-clause ] [ function-call-suffix ] [ trailing-closures ]
  mutating func parseMacroExpansionExpression() -> Expression {
    let token = advance()
    var name = String(token.text.dropFirst())
    if atGenericArgumentClauseStart() {
      name += parseGenericArgumentClause()
    }
    var arguments: [Argument] = []
    if at(.leftParen) && !current.isAtStartOfLine {
      arguments = parseArgumentList(closer: .rightParen, what: "argument list")
    }
    var closures: [TrailingClosure] = []
    if at(.leftBrace) && allowsTrailingClosures && !isAccessorBlockStart() {
      closures = parseTrailingClosures()
    }
    return .macroExpansion(name: name, arguments: arguments, trailingClosures: closures, range: range(from: token.range.start))
  }

  // MARK: - Closures

  /// closure-expression = "{" [ closure-signature ] statement-list "}"
  /// closure-signature = [ capture-list ] [ closure-parameter-clause ] [ effects ] [ "->" type ] "in"
  /// capture-list = "[" tokens "]"
  /// closure-parameter-clause = "(" [ closure-parameter { "," closure-parameter } ] ")"
  ///                          | ( identifier | "_" ) { "," ( identifier | "_" ) }
  mutating func parseClosureExpression() -> ClosureExpression {
    let opener = current
    let start = opener.range.start
    guard enterNesting() else {
      return ClosureExpression(
        captureList: nil, parameters: [], parametersParenthesized: false, effects: nil, resultType: nil, body: [],
        range: range(from: start))
    }
    defer { leaveNesting() }
    advance()
    let saved = enterDelimitedContext()
    defer { restoreContext(saved) }

    var captureList: String?
    var parameters: [ClosureParameter] = []
    var parenthesized = false
    var effects: String?
    var resultType: TypeSyntax?
    if canParseClosureSignature() {
      if let bracket = consume(.leftBracket) {
        let listStart = current.range.start
        var progress = LoopProgress()
        while !at(.rightBracket) && !atEnd && progress.evaluate(self) {
          if at(.leftParen) || at(.leftBracket) || at(.leftBrace) { skipBalancedGroup() } else { advance() }
        }
        captureList = text(from: listStart, to: max(listStart, previousEnd))
        expectClosing(.rightBracket, opener: bracket)
      }
      if let paren = consume(.leftParen) {
        parenthesized = true
        parseDelimitedList(opener: paren, closer: .rightParen, what: "closure parameter list") { parser in
          parameters.append(parser.parseClosureParameter())
        }
      } else {
        var progress = LoopProgress()
        while (at(.identifier) || at(keyword: "_")) && progress.evaluate(self) {
          let token = advance()
          parameters.append(ClosureParameter(name: token.text, type: nil, range: token.range))
          if consume(.comma) == nil { break }
        }
      }
      effects = parseEffects()
      if consume(.arrow) != nil {
        resultType = parseType()
      }
      if consume(keyword: "in") == nil {
        errorExpected("'in' after the closure's signature")
      }
    }
    let body = parseStatementList(inSwitch: false)
    expectClosing(.rightBrace, opener: opener)
    return ClosureExpression(
      captureList: captureList, parameters: parameters, parametersParenthesized: parenthesized, effects: effects,
      resultType: resultType, body: body, range: range(from: start))
  }

  /// closure-parameter = ( identifier | "_" ) [ identifier | "_" ] [ ":" type [ "..." ] ]
  mutating func parseClosureParameter() -> ClosureParameter {
    let start = current.range.start
    guard current.isNameLike else {
      errorExpected("closure parameter name")
      return ClosureParameter(name: "_", type: nil, range: range(from: start))
    }
    var name = advance().text
    if current.isNameLike && !at(.colon) {
      name = advance().text
    }
    var type: TypeSyntax?
    if consume(.colon) != nil {
      type = parseType()
      if current.isOperator("...") { advance() }
    }
    return ClosureParameter(name: name, type: type, range: range(from: start))
  }

  /// Whether the tokens after a closure's `{` form a signature ending in `in` (lookahead).
  func canParseClosureSignature() -> Bool {
    var position = index
    var sawCaptureList = false
    if token(at: position).kind == .leftBracket {
      guard let after = indexAfterBalancedGroup(from: position) else { return false }
      position = after
      sawCaptureList = true
    }
    if token(at: position).kind == .leftParen {
      guard let after = indexAfterBalancedGroup(from: position) else { return false }
      position = after
    } else {
      var sawName = false
      while token(at: position).kind == .identifier || token(at: position).isKeyword("_") {
        sawName = true
        position += 1
        if token(at: position).kind == .comma { position += 1 } else { break }
      }
      if !sawName && !sawCaptureList { return false }
    }
    while token(at: position).isContextualKeyword("async") || token(at: position).isKeyword("throws")
      || token(at: position).isKeyword("rethrows")
    {
      position += 1
      if token(at: position - 1).isKeyword("throws") && token(at: position).kind == .leftParen {
        guard let after = indexAfterBalancedGroup(from: position) else { return false }
        position = after
      }
    }
    if token(at: position).kind == .arrow {
      position += 1
      var steps = 0
      while !token(at: position).isKeyword("in") {
        let kind = token(at: position).kind
        if kind == .leftBrace || kind == .rightBrace || kind == .endOfFile || steps > 1000 { return false }
        if kind == .leftParen || kind == .leftBracket {
          guard let after = indexAfterBalancedGroup(from: position) else { return false }
          position = after
        } else {
          position += 1
        }
        steps += 1
      }
    }
    return token(at: position).isKeyword("in")
  }

  /// The index just past the group opened at `start` (lookahead), or nil if it is not closed.
  func indexAfterBalancedGroup(from start: Int) -> Int? {
    var depth = 0
    var position = start
    while position < tokens.count {
      switch tokens[position].kind {
      case .leftParen, .leftBracket, .leftBrace:
        depth += 1
      case .rightParen, .rightBracket, .rightBrace:
        depth -= 1
        if depth == 0 { return position + 1 }
        if depth < 0 { return nil }
      case .endOfFile:
        return nil
      default:
        break
      }
      position += 1
    }
    return nil
  }

  // MARK: - Generic arguments in expressions

  /// Whether a generic argument clause starts here: a `<` glued to the previous token, followed
  /// by types and a `>` that a generic argument list may end with (lookahead, as Swift does).
  func atGenericArgumentClauseStart() -> Bool {
    current.isOperator && current.text.hasPrefix("<") && !current.hasLeadingTrivia && canParseGenericArguments()
  }

  /// Lookahead: whether the tokens from the current `<` form a generic argument list whose `>` is
  /// followed by a token that can follow one (`(`, `.`, `)`, `,`, ...).
  func canParseGenericArguments() -> Bool {
    var position = index
    var angleDepth = 0
    var groupDepth = 0
    var steps = 0
    while steps < 1000 {
      steps += 1
      let token = token(at: position)
      switch token.kind {
      case .binaryOperator, .prefixOperator, .postfixOperator:
        let characters = Array(token.text)
        for (offset, character) in characters.enumerated() {
          switch character {
          case "<":
            angleDepth += 1
          case ">":
            angleDepth -= 1
            if angleDepth < 0 { return false }
            if angleDepth == 0 {
              let rest = characters[(offset + 1)...]
              if !rest.allSatisfy({ $0 == "?" || $0 == "!" }) { return false }
              if !rest.isEmpty { return groupDepth == 0 }
              return groupDepth == 0 && Parser.canFollowGenericArguments(self.token(at: position + 1))
            }
          case "?", "!", "&", ".":
            continue
          default:
            return false
          }
        }
      case .identifier, .period, .comma, .colon, .arrow, .integerLiteral, .atSign:
        break
      case .keyword:
        guard ["Self", "_", "inout", "throws", "rethrows"].contains(token.text) else { return false }
      case .leftParen, .leftBracket:
        groupDepth += 1
      case .rightParen, .rightBracket:
        groupDepth -= 1
        if groupDepth < 0 { return false }
      default:
        return false
      }
      position += 1
    }
    return false
  }

  /// Whether `token` may follow the `>` of a generic argument list in an expression.
  static func canFollowGenericArguments(_ token: Token) -> Bool {
    if token.isAtStartOfLine { return true }
    switch token.kind {
    case .leftParen, .leftBracket:
      return !token.hasLeadingTrivia
    case .period, .rightParen, .rightBracket, .comma, .semicolon, .colon, .endOfFile, .rightBrace, .leftBrace:
      return true
    case .binaryOperator:
      return token.text == "==" || token.text == "!="
    case .postfixOperator:
      return token.text == "?" || token.text == "!"
    default:
      return false
    }
  }

  // MARK: - Ranges

  /// The source range of an expression.
  static func range(of expression: Expression) -> SourceRange {
    switch expression {
    case .identifier(_, let range), .integerLiteral(_, let range), .floatLiteral(_, let range),
      .stringLiteral(_, let range), .booleanLiteral(_, let range), .nilLiteral(let range),
      .arrayLiteral(_, let range), .dictionaryLiteral(_, let range), .tuple(_, let range),
      .parenthesized(_, let range), .prefixOperator(_, _, let range), .postfixOperator(_, _, let range),
      .binaryOperator(_, _, _, let range), .ternary(_, _, _, let range), .call(_, _, _, let range),
      .subscript(_, _, let range), .member(_, _, let range), .implicitMember(_, let range),
      .optionalChain(_, let range), .forceUnwrap(_, let range), .cast(_, _, _, let range),
      .try(_, _, let range), .await(_, let range), .macroExpansion(_, _, _, let range),
      .keyPath(_, let range), .discard(let range), .unknown(_, let range):
      return range
    case .closure(let closure):
      return closure.range
    }
  }
}
