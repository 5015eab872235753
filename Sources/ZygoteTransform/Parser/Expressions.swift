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
    let startIndex = index
    guard enterNesting() else { return .unknown(text: "", range: emptyRangeHere) }
    defer { leaveNesting() }
    let expression = assignmentAsUnknown(parseSequenceExpression())
    return limitingDepth(expression, startIndex: startIndex)
  }

  /// expression-or-assignment = sequence-expression
  ///
  /// Like `parseExpression`, but an assignment at the top stays a binary node with an assignment
  /// operator, for the statement parser.
  mutating func parseExpressionOrAssignment() -> Expression {
    let startIndex = index
    guard enterNesting() else { return .unknown(text: "", range: emptyRangeHere) }
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
        Parser.applyCast(kind, type, end: previousEnd, to: &operands, &operators)
      case .pending(let pending):
        Parser.push(pending, &operands, &operators)
        operands.append(parseSequenceOperand())
      }
    }
    while !operators.isEmpty { Parser.reduce(&operands, &operators) }
    return operands.last ?? .unknown(text: "", range: emptyRangeHere)
  }

  /// sequence-operand = sequence-element
  ///
  /// The operand after an infix operator, or a placeholder with an error when there is none.
  mutating func parseSequenceOperand() -> Expression {
    if Parser.canStartExpression(current) || current.isOperator {
      return parseSequenceElement()
    }
    errorExpected("expression after operator")
    return .unknown(text: "", range: emptyRangeHere)
  }

  /// Folds the operators that bind tighter than `pending` (or as tight, for a left-associative
  /// group), then pushes `pending`.
  static func push(_ pending: PendingOperator, _ operands: inout [Expression], _ operators: inout [PendingOperator]) {
    let group = pending.group
    while let top = operators.last, top.group > group || (top.group == group && group.associativity != .right) {
      reduce(&operands, &operators)
    }
    operators.append(pending)
  }

  /// Applies a cast to the operand on its left, after folding the operators that bind tighter.
  static func applyCast(
    _ kind: CastKind, _ type: TypeSyntax, end: Int, to operands: inout [Expression], _ operators: inout [PendingOperator]
  ) {
    while let top = operators.last, top.group >= .casting {
      reduce(&operands, &operators)
    }
    guard let operand = operands.popLast() else { return }
    let start = range(of: operand).start
    operands.append(.cast(operand, kind: kind, type: type, range: SourceRange(start: start, end: max(start, end))))
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
    switch currentKind {
    case .binaryOperator, .prefixOperator, .postfixOperator:
      return parseInfixOperatorToken()
    case .keyword where at(keyword: "as") || at(keyword: "is"):
      return parseTypeCastingOperator()
    default:
      return nil
    }
  }

  /// The operator-token part of `parseInfixOperator`.
  mutating func parseInfixOperatorToken() -> InfixOperator? {
    let token = current
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
  }

  /// type-casting-operator = ( "as" [ "?" | "!" ] | "is" ) type
  mutating func parseTypeCastingOperator() -> InfixOperator {
    let keyword = advance()
    var kind: CastKind = keyword.text == "is" ? .is : .as
    if keyword.text == "as" && current.kind == .postfixOperator && !current.hasLeadingTrivia {
      if current.text == "?" {
        kind = .conditional
        advance()
      } else if current.text == "!" {
        kind = .forced
        advance()
      }
    }
    return .cast(kind, parseType())
  }

  /// sequence-element = try-expression | await-expression | prefix-expression
  ///
  /// `try` and `await` cover everything to their right in the sequence (`x = try a + b` tries
  /// `a + b`).
  mutating func parseSequenceElement() -> Expression {
    if at(keyword: "try") { return parseTryExpression() }
    if at(contextual: "await") && isAwaitKeyword() { return parseAwaitExpression() }
    if atContextualOperatorWord() { return parseContextualOperatorExpression() }
    return parsePrefixExpression()
  }

  /// Whether `unsafe`, `consume`, `copy` or `discard` is used as an operator here (followed by
  /// an operand on the same line), not as a name.
  func atContextualOperatorWord() -> Bool {
    guard currentKind == .identifier && !current.isEscaped,
      ["unsafe", "consume", "copy", "discard"].contains(current.text)
    else { return false }
    return isAwaitKeyword() && peekKind() != .period && peekKind() != .leftBracket
  }

  /// contextual-operator-expression = ( "unsafe" | "consume" | "copy" | "discard" ) sequence-expression
  ///
  /// Kept as `.unknown` text: the AST has no node for these.
  mutating func parseContextualOperatorExpression() -> Expression {
    let start = advance().range.start
    guard enterNesting() else { return .unknown(text: "", range: range(from: start)) }
    defer { leaveNesting() }
    _ = parseSequenceExpression()
    return .unknown(text: text(of: range(from: start)), range: range(from: start))
  }

  /// try-expression = "try" [ "?" | "!" ] sequence-expression
  mutating func parseTryExpression() -> Expression {
    let start = advance().range.start
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

  /// await-expression = "await" sequence-expression
  mutating func parseAwaitExpression() -> Expression {
    let start = advance().range.start
    guard enterNesting() else { return .unknown(text: "", range: range(from: start)) }
    defer { leaveNesting() }
    let operand = assignmentAsUnknown(parseSequenceExpression())
    return .await(operand, range: range(from: start))
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
    if isAtPrefixOperator() { return parsePrefixOperatorExpression() }
    return parsePostfixExpression()
  }

  /// Whether a prefix operator starts here (or a spaced binary operator in operand position,
  /// which is an error but parsed as prefix: `- x`).
  func isAtPrefixOperator() -> Bool {
    let token = current
    if token.kind == .prefixOperator { return true }
    return token.kind == .binaryOperator && token.text != "?" && !OperatorTable.isAssignment(token.text)
      && !peek().isAtStartOfLine && Parser.canStartExpression(peek())
  }

  /// The `prefix-operator prefix-expression` alternative of `parsePrefixExpression`.
  mutating func parsePrefixOperatorExpression() -> Expression {
    let token = current
    if token.kind == .binaryOperator {
      error("unary operator '\(token.text)' cannot be separated from its operand", at: token.range)
    }
    guard enterNesting() else { return .unknown(text: "", range: token.range) }
    defer { leaveNesting() }
    advance()
    let operand = parsePrefixExpression()
    return .prefixOperator(operator: token.text, operand: operand, range: range(from: token.range.start))
  }

  /// postfix-expression = primary-expression { postfix-suffix }
  /// postfix-suffix = member-suffix | "?" | "!" | postfix-operator | function-call-suffix
  ///                | subscript-suffix | trailing-closures
  ///
  /// A `(` or `[` on a new line starts a new statement, not a call or subscript. A `{` starts
  /// trailing closures only where they are allowed (not in `if`/`while`/... conditions).
  mutating func parsePostfixExpression() -> Expression {
    var expression = parsePrimaryExpression()
    let start = Parser.range(of: expression).start
    var progress = LoopProgress()
    while progress.evaluate(self) {
      guard let extended = parsePostfixSuffix(of: expression, start: start) else { break }
      expression = extended
    }
    return expression
  }

  /// postfix-suffix = member-suffix | postfix-operator-suffix | function-call-suffix | subscript-suffix
  ///                | trailing-closures
  ///
  /// Parses one postfix suffix applied to `base`, or returns nil (consuming nothing) when the
  /// current token does not continue the postfix expression.
  mutating func parsePostfixSuffix(of base: Expression, start: Int) -> Expression? {
    switch currentKind {
    case .period:
      return parseMemberSuffix(of: base, start: start)
    case .postfixOperator:
      return parsePostfixOperatorSuffix(of: base, start: start)
    case .leftParen where !current.isAtStartOfLine:
      return parseFunctionCallSuffix(of: base, start: start)
    case .leftBracket where !current.isAtStartOfLine:
      let arguments = parseArgumentList(closer: .rightBracket, what: "subscript")
      return .subscript(base: base, arguments: arguments, range: range(from: start))
    case .leftBrace where allowsTrailingClosures && Parser.acceptsTrailingClosure(base) && !isAccessorBlockStart():
      return parseTrailingClosureSuffix(of: base, start: start)
    default:
      return nil
    }
  }

  /// member-suffix = "." member-name
  mutating func parseMemberSuffix(of base: Expression, start: Int) -> Expression? {
    advance()
    guard let name = parseMemberName() else { return nil }
    return .member(base: base, name: name, range: range(from: start))
  }

  /// postfix-operator-suffix = "!" | "?" | postfix-operator
  mutating func parsePostfixOperatorSuffix(of base: Expression, start: Int) -> Expression? {
    let token = current
    if token.text == "!" {
      advance()
      return .forceUnwrap(base, range: range(from: start))
    }
    if token.text == "?" {
      advance()
      return .optionalChain(base, range: range(from: start))
    }
    let next = peek()
    if !next.isAtStartOfLine && next.kind != .leftBrace && next.kind != .period && Parser.canStartExpression(next) {
      return nil  // `a+ b`: the sequence parser takes it as binary.
    }
    advance()
    return .postfixOperator(operator: token.text, operand: base, range: range(from: start))
  }

  /// function-call-suffix = "(" [ argument { "," argument } [ "," ] ] ")" [ trailing-closures ]
  mutating func parseFunctionCallSuffix(of base: Expression, start: Int) -> Expression {
    let arguments = parseArgumentList(closer: .rightParen, what: "argument list")
    var closures: [TrailingClosure] = []
    if at(.leftBrace) && allowsTrailingClosures && !isAccessorBlockStart() {
      closures = parseTrailingClosures()
    }
    return keepingClosureAttributes(
      .call(callee: base, arguments: arguments, trailingClosures: closures, range: range(from: start)))
  }

  /// Returns `expression`, or its text as `.unknown` when a closure just parsed in it had
  /// attributes that the AST cannot hold (see `closureHadAttributes`).
  mutating func keepingClosureAttributes(_ expression: Expression) -> Expression {
    guard closureHadAttributes else { return expression }
    closureHadAttributes = false
    let range = Parser.range(of: expression)
    return .unknown(text: text(of: range), range: range)
  }

  /// trailing-closure-suffix = trailing-closures
  ///
  /// `f { }`, or `f(x) { }` when the call is parsed already.
  mutating func parseTrailingClosureSuffix(of base: Expression, start: Int) -> Expression {
    let closures = parseTrailingClosures()
    if case .call(let callee, let arguments, let existing, _) = base, existing.isEmpty {
      return keepingClosureAttributes(
        .call(callee: callee, arguments: arguments, trailingClosures: closures, range: range(from: start)))
    }
    return keepingClosureAttributes(.call(callee: base, arguments: [], trailingClosures: closures, range: range(from: start)))
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
    if atCompoundNameArguments() {
      name += parseCompoundNameArguments()
    }
    return name
  }

  /// Whether the argument labels of a compound name (`init(rawValue:)`, `f(_:y:)`) follow.
  func atCompoundNameArguments() -> Bool {
    guard at(.leftParen) && !current.hasLeadingTrivia else { return false }
    var position = index + 1
    var labels = 0
    while token(at: position).isNameLike && token(at: position + 1).kind == .colon && !token(at: position + 1).hasLeadingTrivia {
      position += 2
      labels += 1
    }
    return labels > 0 && token(at: position).kind == .rightParen
  }

  /// compound-name-arguments = "(" ( argument-label ":" ) { argument-label ":" } ")"
  ///
  /// Returns the text, kept in the name.
  mutating func parseCompoundNameArguments() -> String {
    let start = currentStart
    var progress = LoopProgress()
    advance()
    while !at(.rightParen) && !atEnd && progress.evaluate(self) { advance() }
    advance()
    return text(of: range(from: start))
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
    var hadAttributes = closureHadAttributes
    var progress = LoopProgress()
    while progress.evaluate(self) && isAtLabeledTrailingClosure() {
      let label = advance().text
      advance()
      closures.append(TrailingClosure(label: label, closure: parseClosureExpression()))
      hadAttributes = hadAttributes || closureHadAttributes
    }
    closureHadAttributes = hadAttributes
    return closures
  }

  /// Whether `label: {` follows (a labeled trailing closure).
  func isAtLabeledTrailingClosure() -> Bool {
    current.isNameLike && peekKind() == .colon && peekKind(2) == .leftBrace && !at(keyword: "default")
      && !at(keyword: "case")
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
    let start = currentStart
    let label = parseArgumentLabel()
    let value = atOperatorReference(closer: closer) ? parseOperatorReference() : parseExpression()
    return Argument(label: label, value: value, range: range(from: start))
  }

  /// argument-label = ( identifier | keyword ) ":"   (consumed only when present)
  mutating func parseArgumentLabel() -> String? {
    guard current.isNameLike && peekKind() == .colon else { return nil }
    let label = advance().text
    advance()
    return label
  }

  /// Whether an operator used as a value (`reduce(0, +)`) is the whole argument.
  func atOperatorReference(closer: TokenKind) -> Bool {
    current.isOperator && (peekKind() == .comma || peekKind() == closer)
  }

  /// operator-reference = operator   (as an argument: `reduce(0, +)`)
  mutating func parseOperatorReference() -> Expression {
    let token = advance()
    return .identifier(name: token.text, range: token.range)
  }

  // MARK: - Primary expressions

  /// primary-expression = identifier [ generic-argument-clause ] | literal | "self" | "Self" | "super"
  ///                    | parenthesized-or-tuple-expression | collection-literal | closure-expression
  ///                    | implicit-member-expression | "_" | key-path-expression
  ///                    | macro-expansion-expression | if-expression | switch-expression
  mutating func parsePrimaryExpression() -> Expression {
    switch currentKind {
    case .identifier: return parseIdentifierExpression()
    case .integerLiteral, .floatLiteral, .stringLiteral, .regexLiteral: return parseLiteralExpression()
    case .keyword: return parseKeywordExpression()
    case .leftParen: return parseParenthesizedOrTupleExpression()
    case .leftBracket: return parseCollectionLiteral()
    case .leftBrace: return keepingClosureAttributes(.closure(parseClosureExpression()))
    case .period: return parseImplicitMemberExpression()
    case .backslash: return parseKeyPathExpression()
    case .atSign: return parseTypeExpression()
    case .pound where !Parser.isCompilerDirective(current.text): return parseMacroExpansionExpression()
    default: return missingExpression()
    }
  }

  /// Reports "expected expression" and returns a placeholder (consuming nothing).
  mutating func missingExpression() -> Expression {
    errorExpected("expression")
    return .unknown(text: "", range: emptyRangeHere)
  }

  /// identifier-expression = identifier [ generic-argument-clause ]
  ///
  /// Generic arguments are kept in the name (`Array<Double>`).
  mutating func parseIdentifierExpression() -> Expression {
    if atTypeExpressionStart() { return parseTypeExpression() }
    let token = advance()
    var name = token.text
    if atGenericArgumentClauseStart() {
      name += parseGenericArgumentClause()
    }
    if atCompoundNameArguments() {
      name += parseCompoundNameArguments()
    }
    return .identifier(name: name, range: range(from: token.range.start))
  }

  /// Whether `any P` or `some P` (a type used as an expression, as in `(any Error).self`) starts
  /// here.
  func atTypeExpressionStart() -> Bool {
    (current.isContextualKeyword("any") || current.isContextualKeyword("some")) && peekKind() == .identifier
      && !peek().isAtStartOfLine
  }

  /// type-expression = ( "any" | "some" | attribute ) type   (kept as `.unknown` text)
  mutating func parseTypeExpression() -> Expression {
    let start = currentStart
    _ = parseType()
    return .unknown(text: text(of: range(from: start)), range: range(from: start))
  }

  /// literal = integer-literal | floating-literal | string-literal | regex-literal   (a regex is kept as `.unknown`)
  mutating func parseLiteralExpression() -> Expression {
    let token = advance()
    switch token.kind {
    case .integerLiteral: return .integerLiteral(text: token.text, range: token.range)
    case .floatLiteral: return .floatLiteral(text: token.text, range: token.range)
    case .regexLiteral: return .unknown(text: token.text, range: token.range)
    default: return .stringLiteral(text: token.text, range: token.range)
    }
  }

  /// keyword-expression = "true" | "false" | "nil" | "self" | "Self" | "super" | "_"
  ///                    | if-expression | switch-expression
  ///
  /// `if` and `switch` expressions are kept as `.unknown` text.
  mutating func parseKeywordExpression() -> Expression {
    let token = current
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
      _ = parseSwitchStatement(label: nil, start: token.range.start)
      return .unknown(text: text(of: range(from: token.range.start)), range: range(from: token.range.start))
    default:
      return missingExpression()
    }
  }

  /// Whether `#name` is a compiler directive (`#if`, `#else`, ...) rather than a macro.
  static func isCompilerDirective(_ spelling: String) -> Bool {
    ["#if", "#elseif", "#else", "#endif", "#sourceLocation"].contains(spelling)
  }

  /// Whether the token can start an expression (used to decide how an operator is bound).
  static func canStartExpression(_ token: Token) -> Bool {
    switch token.kind {
    case .identifier, .integerLiteral, .floatLiteral, .stringLiteral, .regexLiteral, .leftParen, .leftBracket,
      .leftBrace, .period, .prefixOperator, .backslash:
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
  mutating func parseParenthesizedOrTupleExpression() -> Expression {
    if peek().isOperator && peekKind(2) == .rightParen { return parseParenthesizedOperatorReference() }
    let start = currentStart
    let elements = parseArgumentList(closer: .rightParen, what: "tuple")
    if elements.count == 1, elements[0].label == nil {
      return .parenthesized(elements[0].value, range: range(from: start))
    }
    return .tuple(elements: elements, range: range(from: start))
  }

  /// operator-reference = "(" operator ")"   (an operator used as a value: `(+)`)
  mutating func parseParenthesizedOperatorReference() -> Expression {
    let start = advance().range.start
    let name = advance().text
    advance()
    return .identifier(name: name, range: range(from: start))
  }

  /// collection-literal = "[" [ expression { "," expression } [ "," ] ] "]"
  ///                    | "[" ( ":" | dictionary-element { "," dictionary-element } [ "," ] ) "]"
  /// dictionary-element = expression ":" expression
  mutating func parseCollectionLiteral() -> Expression {
    let start = currentStart
    if peekKind() == .colon && peekKind(2) == .rightBracket {
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
      if at(.period) && (peek().isNameLike || peekKind() == .integerLiteral) && !peek().hasLeadingTrivia {
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
    return keepingClosureAttributes(
      .macroExpansion(name: name, arguments: arguments, trailingClosures: closures, range: range(from: token.range.start)))
  }

  // MARK: - Closures

  /// closure-expression = "{" [ closure-signature ] statement-list "}"
  mutating func parseClosureExpression() -> ClosureExpression {
    let start = currentStart
    guard enterNesting() else { return Parser.emptyClosure(at: range(from: start)) }
    defer { leaveNesting() }
    let opener = advance()
    let saved = enterDelimitedContext()
    defer { restoreContext(saved) }
    var hasAttributes = false
    if at(.atSign) {
      _ = parseAttributes()
      hasAttributes = true
    }
    var closure =
      canParseClosureSignature(afterAttributes: hasAttributes)
      ? parseClosureSignature() : Parser.emptyClosure(at: opener.range)
    closure.body = parseStatementList(inSwitch: false)
    expectClosing(.rightBrace, opener: opener)
    closure.range = range(from: start)
    closureHadAttributes = hasAttributes
    return closure
  }

  /// A closure with no signature and no body.
  static func emptyClosure(at range: SourceRange) -> ClosureExpression {
    ClosureExpression(
      captureList: nil, parameters: [], parametersParenthesized: false, effects: nil, resultType: nil, body: [],
      range: range)
  }

  /// closure-signature = [ capture-list ] [ closure-parameter-clause ] [ effects ] [ "->" type ] "in"
  /// capture-list = "[" tokens "]"
  /// closure-parameter-clause = "(" [ closure-parameter { "," closure-parameter } ] ")"
  ///                          | ( identifier | "_" ) { "," ( identifier | "_" ) }
  ///
  /// Returns a closure with the signature filled in and an empty body.
  mutating func parseClosureSignature() -> ClosureExpression {
    var closure = Parser.emptyClosure(at: emptyRangeHere)
    if let bracket = consume(.leftBracket) {
      let listStart = currentStart
      var progress = LoopProgress()
      while !at(.rightBracket) && !atEnd && progress.evaluate(self) {
        if at(.leftParen) || at(.leftBracket) || at(.leftBrace) { skipBalancedGroup() } else { advance() }
      }
      closure.captureList = text(from: listStart, to: max(listStart, previousEnd))
      expectClosing(.rightBracket, opener: bracket)
    }
    var parameters: [ClosureParameter] = []
    if let paren = consume(.leftParen) {
      closure.parametersParenthesized = true
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
    closure.parameters = parameters
    closure.effects = parseEffects()
    if consume(.arrow) != nil {
      closure.resultType = parseType()
    }
    if consume(keyword: "in") == nil {
      errorExpected("'in' after the closure's signature")
    }
    return closure
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

  /// Whether the tokens after a closure's `{` (and its attributes) form a signature ending in
  /// `in` (lookahead). After attributes, the signature may be just `in` (`{ @MainActor in }`).
  func canParseClosureSignature(afterAttributes: Bool = false) -> Bool {
    if afterAttributes && at(keyword: "in") { return true }
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

  /// The index just past the group opened at `start` (lookahead), or nil if it is not closed
  /// within `maximumLookahead` tokens (which keeps every lookahead linear in practice).
  func indexAfterBalancedGroup(from start: Int) -> Int? {
    var depth = 0
    var position = start
    while position < tokens.count && position - start < Parser.maximumLookahead {
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
