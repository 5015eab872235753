// Statements: control flow, declarations in bodies, expression statements and assignments.

extension Parser {
  /// statement-list = { statement [ ";" ] }
  ///
  /// Stops before `}` or the end (and, in a `switch`, before the next `case` or `default`).
  /// Statements must be separated by a line break or `;`; after a broken statement, the parser
  /// skips to the next statement boundary.
  mutating func parseStatementList(inSwitch: Bool) -> [Statement] {
    var statements: [Statement] = []
    var progress = LoopProgress()
    while !atEnd && progress.evaluate(self) {
      if at(.rightBrace) { break }
      if inSwitch && atSwitchCaseLabel() { break }
      if inSwitch && at(.pound) && current.text == "#if" && conditionalBlockContainsCaseLabel() { break }
      if consume(.semicolon) != nil { continue }
      let before = index
      let errorsBefore = errorCount
      let statement = parseStatement(inSwitch: inSwitch)
      if index == before {
        skipUnparsableToken(errorsBefore: errorsBefore)
        continue
      }
      if let statement { statements.append(statement) }
      if consume(.semicolon) != nil || atStatementBoundary(inSwitch: inSwitch) { continue }
      reportAndSkipRestOfStatement(inSwitch: inSwitch, errorsBefore: errorsBefore)
    }
    return statements
  }

  /// Skips a token that no statement can start with (reporting it unless already reported).
  mutating func skipUnparsableToken(errorsBefore: Int) {
    if errorCount == errorsBefore { errorExpected("statement") }
    advance()
  }

  /// After a statement that is followed by more tokens on its line: reports them (unless the
  /// statement had an error already) and skips to the next statement boundary.
  mutating func reportAndSkipRestOfStatement(inSwitch: Bool, errorsBefore: Int) {
    if errorCount == errorsBefore {
      if Parser.canStartStatement(current) {
        error("consecutive statements on a line must be separated by ';'")
      } else {
        errorExpected("end of statement")
      }
    }
    synchronizeToStatementBoundary(inSwitch: inSwitch)
  }

  /// Whether the `#if` block starting here has `case` or `default` labels of the enclosing
  /// `switch` (outside any braces) (lookahead).
  func conditionalBlockContainsCaseLabel() -> Bool {
    var position = index + 1
    var directiveDepth = 1
    var braceDepth = 0
    while position < tokens.count {
      let token = tokens[position]
      switch token.kind {
      case .endOfFile:
        return false
      case .pound where token.text == "#if":
        directiveDepth += 1
      case .pound where token.text == "#endif":
        directiveDepth -= 1
        if directiveDepth == 0 { return false }
      case .leftBrace:
        braceDepth += 1
      case .rightBrace:
        braceDepth -= 1
        if braceDepth < 0 { return false }
      case .keyword where braceDepth == 0 && (token.text == "case" || token.text == "default"):
        return true
      default:
        break
      }
      position += 1
    }
    return false
  }

  /// Whether `token` can start a statement.
  static func canStartStatement(_ token: Token) -> Bool {
    canStartExpression(token) || isStatementKeyword(token) || token.kind == .atSign
  }

  /// Whether the current token starts a `case`, `default` or `@unknown default` label.
  func atSwitchCaseLabel() -> Bool {
    at(keyword: "case") || at(keyword: "default")
      || (at(.atSign) && peek().isContextualKeyword("unknown"))
  }

  /// statement = labeled-statement | if-statement | guard-statement | while-statement
  ///           | repeat-while-statement | for-in-statement | switch-statement | do-statement
  ///           | return-statement | break-statement | continue-statement | fallthrough-statement
  ///           | throw-statement | defer-statement | declaration | conditional-compilation-block
  ///           | expression-statement
  /// labeled-statement = identifier ":" ( loop-statement | if-statement | switch-statement | do-statement )
  mutating func parseStatement(inSwitch: Bool) -> Statement? {
    guard enterNesting() else { return nil }
    defer { leaveNesting() }
    if atStatementLabel() { return parseLabeledStatement() }
    if currentKind == .keyword && Parser.isKeywordStatementStart(current.text, inSwitch: inSwitch) {
      return parseKeywordStatement(inSwitch: inSwitch)
    }
    if currentKind == .pound && current.text == "#if" { return parseConditionalCompilationBlock() }
    if currentKind == .pound && current.text == "#sourceLocation" { return parseLineControlStatement() }
    if isStartOfDeclaration() { return parseDeclarationStatement() }
    return parseExpressionStatement()
  }

  /// Whether `label:` followed by a labelable statement starts here.
  func atStatementLabel() -> Bool {
    currentKind == .identifier && peekKind() == .colon && Parser.isLabelableStatementKeyword(peek(2))
  }

  /// labeled-statement = identifier ":" ( loop-statement | if-statement | switch-statement | do-statement )
  mutating func parseLabeledStatement() -> Statement {
    let start = currentStart
    let label = advance().text
    advance()
    return parseStatement(label: label, start: start)
  }

  /// Whether the reserved word `word` starts a statement handled by `parseKeywordStatement`.
  static func isKeywordStatementStart(_ word: String, inSwitch: Bool) -> Bool {
    switch word {
    case "if", "guard", "while", "repeat", "for", "switch", "do", "return", "break", "continue", "fallthrough",
      "throw", "defer", "else", "catch", "in", "where":
      return true
    case "case", "default":
      return !inSwitch
    default:
      return false
    }
  }

  /// keyword-statement = if-statement | guard-statement | labelable-statement | return-statement
  ///                   | break-statement | continue-statement | "fallthrough" | "throw" expression
  ///                   | "defer" code-block
  ///
  /// The statements that start with a reserved word (see `isKeywordStatementStart`).
  mutating func parseKeywordStatement(inSwitch: Bool) -> Statement? {
    let token = current
    let start = token.range.start
    switch token.text {
    case "if": return .if(parseIfStatement())
    case "guard": return parseGuardStatement()
    case "return": return parseReturnStatement(inSwitch: inSwitch)
    case "break", "continue": return parseBreakOrContinueStatement()
    case "fallthrough":
      advance()
      return .fallthrough(range: token.range)
    case "throw":
      advance()
      let value = parseExpression()
      return .throw(value, range: range(from: start))
    case "defer":
      advance()
      let body = parseCodeBlock(after: "'defer'")
      return .defer(body: body, range: range(from: start))
    case "case", "default":
      error("'\(token.text)' label can only appear inside a 'switch' statement")
      return nil
    case "else", "catch", "in", "where":
      error("unexpected '\(token.text)'; expected a statement")
      return nil
    default:
      return parseStatement(label: nil, start: start)
    }
  }

  /// Whether a label may precede the statement starting with `token`.
  static func isLabelableStatementKeyword(_ token: Token) -> Bool {
    guard token.kind == .keyword else { return false }
    return ["while", "repeat", "for", "switch", "do", "if"].contains(token.text)
  }

  /// labelable-statement = while-statement | repeat-while-statement | for-in-statement | switch-statement
  ///                     | do-statement | if-statement
  ///
  /// Parses the statement after an optional `label:` (loops, `switch`, `do`; a labeled `if` is
  /// kept as `.other` text, as the AST has no label for it).
  mutating func parseStatement(label: String?, start: Int) -> Statement {
    switch current.text {
    case "while": return parseWhileStatement(label: label, start: start)
    case "repeat": return parseRepeatWhileStatement(label: label, start: start)
    case "for": return parseForInStatement(label: label, start: start)
    case "switch": return parseSwitchStatement(label: label, start: start)
    case "do": return parseDoStatement(label: label, start: start)
    default:
      _ = parseIfStatement()
      return .other(text: text(of: range(from: start)), range: range(from: start))
    }
  }

  /// code-block = "{" statement-list "}"
  mutating func parseCodeBlock(after context: String) -> [Statement] {
    guard at(.leftBrace) else {
      errorExpected("'{' after \(context)")
      return []
    }
    let opener = current
    guard enterNesting() else { return [] }
    defer { leaveNesting() }
    advance()
    let saved = enterDelimitedContext()
    defer { restoreContext(saved) }
    let statements = parseStatementList(inSwitch: false)
    expectClosing(.rightBrace, opener: opener)
    return statements
  }

  // MARK: - Conditional statements

  /// if-statement = "if" condition-list code-block [ "else" ( if-statement | code-block ) ]
  mutating func parseIfStatement() -> IfStatement {
    let start = current.range.start
    advance()
    let conditions = parseConditionList()
    let body = parseCodeBlock(after: "'if' condition")
    var elseBranch: ElseBranch?
    if at(keyword: "else") {
      advance()
      if at(keyword: "if") {
        if enterNesting() {
          defer { leaveNesting() }
          elseBranch = .elseIf(parseIfStatement())
        }
      } else {
        elseBranch = .block(parseCodeBlock(after: "'else'"))
      }
    }
    return IfStatement(conditions: conditions, body: body, elseBranch: elseBranch, range: range(from: start))
  }

  /// guard-statement = "guard" condition-list "else" code-block
  mutating func parseGuardStatement() -> Statement {
    let start = advance().range.start
    let conditions = parseConditionList()
    if consume(keyword: "else") == nil {
      errorExpected("'else' after 'guard' condition")
    }
    let body = parseCodeBlock(after: "'guard ... else'")
    return .guard(conditions: conditions, elseBody: body, range: range(from: start))
  }

  /// condition-list = condition { "," condition }
  ///
  /// Trailing closures are not allowed at the top of a condition: `{` starts the body.
  mutating func parseConditionList() -> [Condition] {
    let saved = allowsTrailingClosures
    allowsTrailingClosures = false
    defer { allowsTrailingClosures = saved }
    var conditions: [Condition] = []
    var progress = LoopProgress()
    while progress.evaluate(self) {
      conditions.append(parseCondition())
      if consume(.comma) == nil { break }
    }
    return conditions
  }

  /// condition = expression | availability-condition | case-condition | optional-binding-condition
  /// optional-binding-condition = ( "let" | "var" ) binding-pattern [ ":" type ] [ "=" expression ]
  /// case-condition = "case" case-pattern-list "=" expression
  /// availability-condition = ( "#available" | "#unavailable" ) "(" tokens ")"
  mutating func parseCondition() -> Condition {
    let start = current.range.start
    if at(keyword: "let") || at(keyword: "var") {
      let isVariable = advance().text == "var"
      let pattern = parseBindingPattern()
      var type: TypeSyntax?
      if consume(.colon) != nil { type = parseType() }
      var value: Expression?
      if current.isOperator("=") {
        advance()
        value = parseExpression()
      }
      return .optionalBinding(isVariable: isVariable, pattern: pattern, type: type, value: value, range: range(from: start))
    }
    if at(keyword: "case") {
      advance()
      let names = parseCasePatternList()
      if current.isOperator("=") {
        advance()
        _ = parseExpression()
      } else {
        errorExpected("'=' after the pattern of a 'case' condition")
      }
      return .casePattern(text: text(of: range(from: start)), boundNames: names, range: range(from: start))
    }
    if at(.pound) && (current.text == "#available" || current.text == "#unavailable") {
      advance()
      if let opener = consume(.leftParen) {
        var progress = LoopProgress()
        while !at(.rightParen) && !atEnd && !at(.leftBrace) && progress.evaluate(self) { advance() }
        expectClosing(.rightParen, opener: opener)
      } else {
        errorExpected("'(' after availability condition")
      }
      return .availability(text: text(of: range(from: start)), range: range(from: start))
    }
    return .expression(parseExpression())
  }

  // MARK: - Loops

  /// while-statement = "while" condition-list code-block
  mutating func parseWhileStatement(label: String?, start: Int) -> Statement {
    advance()
    let conditions = parseConditionList()
    let body = parseCodeBlock(after: "'while' condition")
    return .while(label: label, conditions: conditions, body: body, range: range(from: start))
  }

  /// repeat-while-statement = "repeat" code-block "while" expression
  mutating func parseRepeatWhileStatement(label: String?, start: Int) -> Statement {
    advance()
    let body = parseCodeBlock(after: "'repeat'")
    let condition: Expression
    if consume(keyword: "while") != nil {
      condition = parseExpression()
    } else {
      errorExpected("'while' after 'repeat' body")
      condition = .unknown(text: "", range: SourceRange(start: current.range.start, end: current.range.start))
    }
    return .repeatWhile(label: label, body: body, condition: condition, range: range(from: start))
  }

  /// for-in-statement = "for" for-pattern "in" expression [ "where" expression ] code-block
  /// for-pattern = "case" case-pattern | [ "try" ] [ "await" ] [ "let" | "var" ] binding-pattern [ ":" type ]
  ///
  /// A pattern with `case`, `try`, `await` or `var` is kept as `.other` text with its names.
  mutating func parseForInStatement(label: String?, start: Int) -> Statement {
    advance()
    let patternStart = current.range.start
    var pattern: Pattern
    if at(keyword: "case") {
      advance()
      var names: [String] = []
      let saved = allowsTrailingClosures
      allowsTrailingClosures = false
      parseCasePattern(binding: false, into: &names)
      allowsTrailingClosures = saved
      pattern = .other(text: text(of: range(from: patternStart)), boundNames: names, range: range(from: patternStart))
    } else {
      var isKeptAsText = false
      if consume(keyword: "try") != nil { isKeptAsText = true }
      if at(contextual: "await") && !peek().isKeyword("in") {
        advance()
        isKeptAsText = true
      }
      if at(keyword: "var") || at(keyword: "let") {
        advance()
        isKeptAsText = true
      }
      pattern = parseBindingPattern()
      if isKeptAsText {
        pattern = .other(
          text: text(of: range(from: patternStart)), boundNames: Parser.names(boundBy: pattern),
          range: range(from: patternStart))
      }
    }
    if consume(.colon) != nil {
      let type = parseType()
      pattern = .typed(pattern, type: type, range: range(from: patternStart))
    }
    if consume(keyword: "in") == nil {
      errorExpected("'in' after for-in pattern")
    }
    let saved = allowsTrailingClosures
    allowsTrailingClosures = false
    let sequence = parseExpression()
    var whereClause: Expression?
    if consume(keyword: "where") != nil {
      whereClause = parseExpression()
    }
    allowsTrailingClosures = saved
    let body = parseCodeBlock(after: "'for-in' sequence")
    return .forIn(label: label, pattern: pattern, sequence: sequence, whereClause: whereClause, body: body, range: range(from: start))
  }

  /// The names a structured pattern binds.
  static func names(boundBy pattern: Pattern) -> [String] {
    switch pattern {
    case .identifier(let name, _): return [name]
    case .wildcard: return []
    case .tuple(let elements, _): return elements.flatMap { names(boundBy: $0.pattern) }
    case .typed(let inner, _, _): return names(boundBy: inner)
    case .other(_, let names, _): return names
    }
  }

  // MARK: - switch

  /// switch-statement = "switch" expression "{" { switch-case | conditional-compilation-block } "}"
  ///
  /// A `switch` with `#if` among its cases is kept as `.other` text.
  mutating func parseSwitchStatement(label: String?, start: Int) -> Statement {
    advance()
    let saved = allowsTrailingClosures
    allowsTrailingClosures = false
    let subject = parseExpression()
    allowsTrailingClosures = saved
    var cases: [SwitchCase] = []
    guard at(.leftBrace) else {
      errorExpected("'{' after 'switch' subject")
      return .switch(label: label, subject: subject, cases: [], range: range(from: start))
    }
    let opener = current
    guard enterNesting() else { return .switch(label: label, subject: subject, cases: [], range: range(from: start)) }
    defer { leaveNesting() }
    advance()
    let savedContext = enterDelimitedContext()
    defer { restoreContext(savedContext) }
    var keptAsText = false
    var progress = LoopProgress()
    while !at(.rightBrace) && !atEnd && progress.evaluate(self) {
      if atSwitchCaseLabel() {
        cases.append(parseSwitchCase())
      } else if at(.pound) && current.text == "#if" {
        // Cases inside `#if` cannot be represented: the whole statement is kept as text.
        _ = parseConditionalCompilationBlock()
        keptAsText = true
      } else {
        errorExpected("'case' or 'default' in 'switch'")
        _ = parseStatementList(inSwitch: true)
        if !atSwitchCaseLabel() && !at(.rightBrace) { advance() }
      }
    }
    expectClosing(.rightBrace, opener: opener)
    if keptAsText {
      return .other(text: text(of: range(from: start)), range: range(from: start))
    }
    return .switch(label: label, subject: subject, cases: cases, range: range(from: start))
  }

  /// switch-case = case-label statement-list
  /// case-label = "case" case-pattern-list [ "where" expression ] ":" | [ "@unknown" ] "default" ":"
  mutating func parseSwitchCase() -> SwitchCase {
    let start = current.range.start
    var patternText: String?
    var names: [String] = []
    if at(.atSign) {
      advance()
      advance()
    }
    if consume(keyword: "default") != nil {
      patternText = nil
    } else {
      advance()
      let patternStart = current.range.start
      names = parseCaseItemList()
      patternText = text(from: patternStart, to: max(patternStart, previousEnd))
    }
    if consume(.colon) == nil {
      errorExpected("':' after 'case' label")
    }
    let body = parseStatementList(inSwitch: true)
    return SwitchCase(patternText: patternText, boundNames: names, body: body, range: range(from: start))
  }

  /// case-item-list = case-item { "," case-item }
  /// case-item = case-pattern [ "where" expression ]
  ///
  /// Returns the names the patterns bind. A `{` in a `where` clause starts a trailing closure
  /// (a case body cannot start with one).
  mutating func parseCaseItemList() -> [String] {
    var names: [String] = []
    var progress = LoopProgress()
    while progress.evaluate(self) {
      let saved = allowsTrailingClosures
      allowsTrailingClosures = false
      parseCasePattern(binding: false, into: &names)
      allowsTrailingClosures = saved
      if consume(keyword: "where") != nil {
        _ = parseExpression()
      }
      if consume(.comma) == nil { break }
    }
    var seen = Set<String>()
    return names.filter { seen.insert($0).inserted }
  }

  // MARK: - Control transfer

  /// return-statement = "return" [ expression ]
  ///
  /// As in Swift, an expression on the next line is the returned value, unless it starts with
  /// `if` or `switch`.
  mutating func parseReturnStatement(inSwitch: Bool) -> Statement {
    let start = advance().range.start
    var value: Expression?
    if Parser.canStartExpression(current)
      && !(current.isAtStartOfLine && (at(keyword: "if") || at(keyword: "switch")))
    {
      value = parseExpression()
    }
    return .return(value, range: range(from: start))
  }

  /// break-statement = "break" [ label ]
  /// continue-statement = "continue" [ label ]
  mutating func parseBreakOrContinueStatement() -> Statement {
    let keyword = advance()
    var label: String?
    if at(.identifier) && !current.isAtStartOfLine {
      label = advance().text
    }
    if keyword.text == "break" {
      return .break(label: label, range: range(from: keyword.range.start))
    }
    return .continue(label: label, range: range(from: keyword.range.start))
  }

  /// do-statement = "do" [ throws-clause ] code-block { catch-clause }
  /// catch-clause = "catch" [ case-pattern-list ] [ "where" expression ] code-block
  mutating func parseDoStatement(label: String?, start: Int) -> Statement {
    advance()
    _ = parseEffects()
    let body = parseCodeBlock(after: "'do'")
    var catches: [CatchClause] = []
    var progress = LoopProgress()
    while at(keyword: "catch") && progress.evaluate(self) {
      let catchStart = advance().range.start
      var patternText: String?
      if !at(.leftBrace) {
        let patternStart = current.range.start
        let saved = allowsTrailingClosures
        allowsTrailingClosures = false
        _ = parseCasePatternList()
        if consume(keyword: "where") != nil { _ = parseExpression() }
        allowsTrailingClosures = saved
        patternText = text(from: patternStart, to: max(patternStart, previousEnd))
      }
      let catchBody = parseCodeBlock(after: "'catch' pattern")
      catches.append(CatchClause(patternText: patternText, body: catchBody, range: range(from: catchStart)))
    }
    return .do(label: label, body: body, catches: catches, range: range(from: start))
  }

  // MARK: - Other statements

  /// conditional-compilation-block = "#if" tokens { ( "#elseif" | "#else" ) tokens } "#endif"
  ///
  /// Kept as text: which branch is compiled is not known here.
  mutating func parseConditionalCompilationBlock() -> Statement {
    let opener = advance()
    var depth = 1
    var progress = LoopProgress()
    while !atEnd && progress.evaluate(self) {
      if at(.pound) && current.text == "#if" { depth += 1 }
      if at(.pound) && current.text == "#endif" { depth -= 1 }
      advance()
      if depth == 0 { break }
    }
    if depth > 0 {
      let line = file.line(ofUTF8Offset: opener.range.start)
      error("expected '#endif' to close '#if' at line \(line), found \(describe(current))")
    }
    let range = range(from: opener.range.start)
    return .other(text: text(of: range), range: range)
  }

  /// declaration-statement = declaration
  ///
  /// line-control-statement = "#sourceLocation" "(" tokens ")"
  ///
  /// Kept as text.
  mutating func parseLineControlStatement() -> Statement {
    let start = advance().range.start
    if at(.leftParen) && !current.isAtStartOfLine {
      skipBalancedGroup()
    } else {
      errorExpected("'(' after '#sourceLocation'")
    }
    let range = range(from: start)
    return .other(text: text(of: range), range: range)
  }

  /// A declaration in a body: functions and variables are structured, the rest is kept as text.
  mutating func parseDeclarationStatement() -> Statement {
    switch parseDeclaration() {
    case .function(let function):
      return .function(function)
    case .variable(let variable):
      return .variable(variable)
    case .type(let type):
      return .other(text: text(of: type.range), range: type.range)
    case .other(let text, let range):
      return .other(text: text, range: range)
    }
  }

  /// expression-statement = expression | expression assignment-operator expression
  mutating func parseExpressionStatement() -> Statement {
    let expression = parseExpressionOrAssignment()
    if case .binaryOperator(let spelling, let target, let value, let range) = expression,
      OperatorTable.isAssignment(spelling)
    {
      return .assignment(target: target, operator: spelling, value: assignmentAsUnknown(value), range: range)
    }
    return .expression(expression)
  }
}
