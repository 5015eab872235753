/// A recursive-descent parser for the Swift of function declarations and bodies.
///
/// Conventions (after Go's `go/parser`, Lua's `lparser.c` and swift-syntax's `SwiftParser`):
///
/// - **One function per grammar production.** Each `parseXxx` function parses one production,
///   written in EBNF in the comment above it, and the files are named for the kind of node they
///   parse: `Declarations.swift`, `Statements.swift`, `Expressions.swift`, `Types.swift`,
///   `Patterns.swift`. Error recovery lives in `Recovery.swift`.
/// - **Consuming functions are `mutating`; lookahead functions are not.** A lookahead (`canParse...`,
///   `isStartOf...`) reads `tokens` from `index` on and never changes the parser.
/// - **Missing tokens are reported, not thrown.** `expect` reports "expected X, found Y" at the
///   offending token and does not consume it; the caller goes on as if the token had been there,
///   and placeholder nodes (`.unknown` expressions, `.other` types) keep the tree well formed.
///   A missing closing delimiter names its opener and the opener's line.
/// - **Every loop makes progress.** Loops remember the token index of their previous iteration
///   (`LoopProgress`) and stop when an iteration consumed nothing; recovery skips to a
///   synchronisation token.
/// - **Errors are capped.** A second error on a line is dropped, and after ten errors the parser
///   bails out: it jumps to the end of the input, where every loop stops.
/// - **Nesting is bounded.** Each nested expression, type, pattern, block or statement increments
///   `nesting`; past `maximumNesting` the parser reports "nesting too deep" and bails out. Operator
///   and postfix chains do not nest in the parser but do in the tree, so a finished expression
///   whose tree is deeper than `maximumExpressionDepth` is replaced by `.unknown` with an error
///   (`TreeDepth.swift`). The recursive parse functions are kept small (rare branches live in
///   their own functions), so that a debug build needs about 12 KB of stack per nesting level.
/// - **Lookahead is bounded** by `maximumLookahead` tokens, so that no input makes it quadratic.
/// - **Like Go's parser, this one accepts a larger language than Swift** where that costs nothing
///   (an operator with inconsistent whitespace is treated as binary, `a < b < c` folds to the
///   left): it parses code that the compiler has already accepted, and its job is the shape.
struct Parser {
  // MARK: Input
  /// The source text as UTF-8, for slicing the text of nodes kept as text.
  let bytes: [UInt8]
  /// Line lookup, for diagnostics that name a line.
  let file: SourceFile
  /// The tokens, ending with `.endOfFile`. Splitting an operator (`>>` closing two generic
  /// argument lists) replaces one token by several.
  var tokens: [Token]

  // MARK: Next token
  /// The index of the current token; always a valid index of `tokens`.
  var index = 0

  // MARK: Context
  /// Whether a `{` after an expression starts a trailing closure. False in the conditions of
  /// `if`, `guard`, `while`, the sequence of `for`-`in`, and a `switch` subject; true again inside
  /// parentheses, brackets and braces.
  var allowsTrailingClosures = true
  /// Whether `=` continues an expression. False in patterns (`case .a = x`), where `=` ends it.
  var allowsAssignment = true
  /// Set by `parseClosureExpression` when the closure it just parsed has attributes
  /// (`{ @Sendable in ... }`), which `ClosureExpression` cannot hold: the caller then keeps the
  /// node that contains the closure as `.unknown` text.
  var closureHadAttributes = false

  // MARK: Nesting
  /// How many nested productions are being parsed.
  var nesting = 0
  /// The deepest nesting accepted.
  static let maximumNesting = 256
  /// The deepest expression tree accepted (operator and postfix chains count one level per
  /// operator or suffix).
  static let maximumExpressionDepth = 512

  /// The most tokens a lookahead scans for the end of a group.
  static let maximumLookahead = 20_000

  // MARK: Error recovery
  /// The errors and warnings so far.
  var diagnostics: [Diagnostic] = []
  /// The number of errors reported.
  var errorCount = 0
  /// The line of the last error, to report one error per line.
  var lastErrorLine = -1
  /// The most errors reported before the parser gives up.
  static let maximumErrors = 10
  /// Whether the parser gave up (too many errors, nesting too deep).
  var hasBailedOut = false

  /// Creates a parser over `tokens` (from `Lexer.tokenize(source)`), positioned at the first
  /// token. Lexical errors are merged with the parser's by `SwiftParser`.
  init(tokens: [Token], source: String) {
    self.bytes = Array(source.utf8)
    self.file = SourceFile(source)
    self.tokens = tokens.isEmpty
      ? [Token(kind: .endOfFile, text: "", range: SourceRange(start: 0, end: 0), isAtStartOfLine: true, hasLeadingTrivia: true)]
      : tokens
  }

  // MARK: - Looking at tokens

  /// The current token.
  var current: Token { tokens[index] }

  /// The token `offset` places after the current one (the end-of-file token past the end).
  func peek(_ offset: Int = 1) -> Token {
    tokens[max(0, min(index + offset, tokens.count - 1))]
  }

  /// The token at an absolute index, clamped to the token list.
  func token(at position: Int) -> Token {
    tokens[max(0, min(position, tokens.count - 1))]
  }

  /// The kind of the current token. (The small accessors below keep `Token` copies out of the
  /// frames of the recursive parse functions, which matters for stack use in debug builds.)
  var currentKind: TokenKind { tokens[index].kind }

  /// The kind of the token `offset` places after the current one.
  func peekKind(_ offset: Int = 1) -> TokenKind { tokens[max(0, min(index + offset, tokens.count - 1))].kind }

  /// The start offset of the current token.
  var currentStart: Int { tokens[index].range.start }

  /// An empty range at the start of the current token, for placeholder nodes.
  var emptyRangeHere: SourceRange { SourceRange(start: currentStart, end: currentStart) }

  /// Whether the current token has kind `kind`.
  func at(_ kind: TokenKind) -> Bool { tokens[index].kind == kind }

  /// Whether the current token is the reserved word `word`.
  func at(keyword word: String) -> Bool { current.isKeyword(word) }

  /// Whether the current token is the unescaped contextual keyword `word`.
  func at(contextual word: String) -> Bool { current.isContextualKeyword(word) }

  /// Whether the current token is an operator spelled `text`.
  func at(operator text: String) -> Bool { current.isOperator(text) }

  /// Whether the parser is at the end of the input.
  var atEnd: Bool { current.kind == .endOfFile }

  /// The end offset of the last consumed token (0 before the first).
  var previousEnd: Int {
    index > 0 ? tokens[index - 1].range.end : current.range.start
  }

  /// The text of the source between two UTF-8 offsets.
  func text(from start: Int, to end: Int) -> String {
    let lower = max(0, min(start, bytes.count))
    let upper = max(lower, min(end, bytes.count))
    return String(decoding: bytes[lower..<upper], as: UTF8.self)
  }

  /// The text of a range of the source.
  func text(of range: SourceRange) -> String {
    text(from: range.start, to: range.end)
  }

  /// A range from `start` to the end of the last consumed token (never inverted).
  func range(from start: Int) -> SourceRange {
    SourceRange(start: start, end: max(start, previousEnd))
  }

  // MARK: - Consuming tokens

  /// Consumes the current token and returns it. At the end of the input, stays there.
  @discardableResult
  mutating func advance() -> Token {
    let token = current
    if index < tokens.count - 1 { index += 1 }
    return token
  }

  /// Consumes the current token if it has kind `kind` (Lua's `testnext`).
  @discardableResult
  mutating func consume(_ kind: TokenKind) -> Token? {
    at(kind) ? advance() : nil
  }

  /// Consumes the current token if it is the reserved word `word`.
  @discardableResult
  mutating func consume(keyword word: String) -> Token? {
    at(keyword: word) ? advance() : nil
  }

  /// Consumes the current token if it is the contextual keyword `word`.
  @discardableResult
  mutating func consume(contextual word: String) -> Token? {
    at(contextual: word) ? advance() : nil
  }

  /// Consumes the current token if it is an operator spelled `text`.
  @discardableResult
  mutating func consume(operator text: String) -> Token? {
    at(operator: text) ? advance() : nil
  }

  /// Consumes a token of kind `kind`, or reports "expected `what`, found ..." and consumes
  /// nothing (Lua's `checknext`; the caller carries on as if the token had been there).
  @discardableResult
  mutating func expect(_ kind: TokenKind, _ what: String) -> Token? {
    if let token = consume(kind) { return token }
    errorExpected(what)
    return nil
  }

  /// Consumes the closing delimiter that matches `opener`, or reports
  /// "expected ')' to close '(' at line N, found ..." (Lua's `check_match`).
  @discardableResult
  mutating func expectClosing(_ kind: TokenKind, opener: Token) -> Token? {
    if let token = consume(kind) { return token }
    let line = file.line(ofUTF8Offset: opener.range.start)
    error("expected '\(Parser.spelling(of: kind))' to close '\(opener.text)' at line \(line), found \(describe(current))")
    return nil
  }

  /// The spelling of a punctuation kind, for messages.
  static func spelling(of kind: TokenKind) -> String {
    switch kind {
    case .leftParen: return "("
    case .rightParen: return ")"
    case .leftBrace: return "{"
    case .rightBrace: return "}"
    case .leftBracket: return "["
    case .rightBracket: return "]"
    case .comma: return ","
    case .colon: return ":"
    case .semicolon: return ";"
    case .period: return "."
    case .arrow: return "->"
    case .atSign: return "@"
    case .backslash: return "\\"
    default: return "\(kind)"
    }
  }

  // MARK: - Diagnostics

  /// How a token is named in "found ..." messages.
  func describe(_ token: Token) -> String {
    switch token.kind {
    case .endOfFile:
      return "end of input"
    case .stringLiteral:
      return "string literal"
    case .unknown:
      return "invalid character"
    default:
      var spelling = token.isEscaped ? "`\(token.text)`" : token.text
      if spelling.count > 24 { spelling = String(spelling.prefix(21)) + "..." }
      return "'\(spelling)'"
    }
  }

  /// Reports "expected `what`, found <current token>" at the current token (Go's `errorExpected`).
  mutating func errorExpected(_ what: String) {
    error("expected \(what), found \(describe(current))")
  }

  /// Reports an error at the current token.
  mutating func error(_ message: String) {
    error(message, at: current.range)
  }

  /// Reports an error at `range` (Go's `error`): drops a second error on the same line, and after
  /// `maximumErrors` errors bails out.
  mutating func error(_ message: String, at range: SourceRange) {
    guard !hasBailedOut else { return }
    let line = file.line(ofUTF8Offset: range.start)
    if line == lastErrorLine { return }
    lastErrorLine = line
    diagnostics.append(.error(message, at: range))
    errorCount += 1
    if errorCount >= Parser.maximumErrors { bailOut() }
  }

  /// Reports a warning at `range`.
  mutating func warning(_ message: String, at range: SourceRange) {
    guard !hasBailedOut else { return }
    diagnostics.append(Diagnostic(.warning, message, at: range))
  }

  /// Gives up: moves to the end of the input, where every loop stops.
  mutating func bailOut() {
    hasBailedOut = true
    index = tokens.count - 1
  }

  // MARK: - Nesting

  /// Enters one level of nesting; returns false (after reporting and bailing out) when the input
  /// nests too deeply. Every `true` must be balanced by `leaveNesting()`.
  mutating func enterNesting() -> Bool {
    if nesting >= Parser.maximumNesting {
      if !hasBailedOut {
        error("nesting too deep: more than \(Parser.maximumNesting) levels of nested expressions, statements or types")
        bailOut()
      }
      return false
    }
    nesting += 1
    return true
  }

  /// Leaves a level entered with `enterNesting()`.
  mutating func leaveNesting() {
    nesting -= 1
  }

  /// Runs `body` with trailing closures allowed or not, restoring the previous setting after.
  mutating func withTrailingClosures<Result>(_ allowed: Bool, _ body: (inout Parser) -> Result) -> Result {
    let saved = allowsTrailingClosures
    allowsTrailingClosures = allowed
    defer { allowsTrailingClosures = saved }
    return body(&self)
  }

  /// Runs `body` in a fresh delimited context: inside `(`, `[` or `{`, trailing closures and `=`
  /// are allowed again.
  mutating func inDelimitedContext<Result>(_ body: (inout Parser) -> Result) -> Result {
    let savedClosures = allowsTrailingClosures
    let savedAssignment = allowsAssignment
    allowsTrailingClosures = true
    allowsAssignment = true
    defer {
      allowsTrailingClosures = savedClosures
      allowsAssignment = savedAssignment
    }
    return body(&self)
  }

  // MARK: - Splitting operators

  /// If the current token is an operator that starts with `character` and is longer, splits it
  /// into `character` and the rest (lexed again). Used for `>` in `Array<Array<Int>>` and `?` in
  /// `[Int?]?`-style types. Returns whether the current token now is exactly `character`.
  mutating func splitOperator(startingWith character: Character) -> Bool {
    let token = current
    guard token.isOperator, token.text.first == character else { return false }
    if token.text.count == 1 { return true }
    let characterLength = String(character).utf8.count
    let firstEnd = token.range.start + characterLength
    let first = Token(
      kind: token.kind, text: String(character), range: SourceRange(start: token.range.start, end: firstEnd),
      isAtStartOfLine: token.isAtStartOfLine, hasLeadingTrivia: token.hasLeadingTrivia)
    let rest = Lexer.relexOperators(bytes, from: firstEnd, to: token.range.end)
    tokens.replaceSubrange(index...index, with: [first] + rest)
    return true
  }
}

/// Remembers where a loop was, to stop it when an iteration consumed no token (SwiftParser's
/// `LoopProgressCondition`).
struct LoopProgress {
  /// The token index at the start of the previous iteration.
  private var lastIndex = -1

  /// Whether the parser moved since the previous call; records the current position.
  mutating func evaluate(_ parser: Parser) -> Bool {
    defer { lastIndex = parser.index }
    return parser.index > lastIndex && !parser.hasBailedOut
  }
}
