/// What kind of lexeme a `Token` is.
///
/// Operators are split by how they are bound to their neighbours, following the Swift rule: an
/// operator with whitespace (or an opening delimiter, or the start of the text) on its left and
/// none on its right is prefix; the reverse is postfix; both or neither is binary. A left-bound
/// `?` or `!` is always a one-character postfix operator (optional chaining, force unwrap).
public enum TokenKind: Equatable, Hashable, Sendable {
  /// `x`, `` `x` `` (the text holds the name without backticks), `$0`, `$x`.
  case identifier
  /// A reserved word (`func`, `let`, `if`, `self`, `_`, ...). Contextual words such as `async`,
  /// `mutating` or `some` are identifiers.
  case keyword
  /// `42`, `0x2A`, `1_000`.
  case integerLiteral
  /// `1.5`, `1e-3`, `0x1p-2`.
  case floatLiteral
  /// Any string literal, delimiters included: `"a\(b)c"`, `#"raw"#`, `"""` multi-line `"""`.
  case stringLiteral
  /// A regex literal, delimiters included: `/a+b/`, `#/a/b/#`.
  case regexLiteral
  /// An operator bound to the operand on its right only: `-x`, `!b`, `&x`, `..<n`.
  case prefixOperator
  /// An operator bound to the operand on its left only: `x!`, `x?`, `x...`.
  case postfixOperator
  /// An operator bound on both sides or on neither: `a + b`, `a+b`, `a ? b : c` (the `?`), `=`.
  case binaryOperator
  /// `(`
  case leftParen
  /// `)`
  case rightParen
  /// `{`
  case leftBrace
  /// `}`
  case rightBrace
  /// `[`
  case leftBracket
  /// `]`
  case rightBracket
  /// `,`
  case comma
  /// `:`
  case colon
  /// `;`
  case semicolon
  /// `.` on its own (member access, implicit member).
  case period
  /// `->`
  case arrow
  /// `@` (starts an attribute).
  case atSign
  /// `\` (starts a key path).
  case backslash
  /// `#name`: `#if`, `#available`, `#gradient`. The text includes `#`.
  case pound
  /// A character that cannot start any token; the lexer has reported it.
  case unknown
  /// The end of the text.
  case endOfFile
}

/// One lexeme with its position and the facts about its surroundings that the parser needs.
public struct Token: Equatable, Sendable {
  /// What kind of token this is.
  public var kind: TokenKind
  /// The token's text as written, except for escaped identifiers (the name without backticks).
  public var text: String
  /// Where the token is, in UTF-8 offsets; comments and whitespace around it are not included.
  public var range: SourceRange
  /// Whether a line break (possibly inside a comment) separates this token from the previous one,
  /// or this is the first token.
  public var isAtStartOfLine: Bool
  /// Whether whitespace or a comment immediately precedes this token (true for the first token).
  public var hasLeadingTrivia: Bool
  /// Whether this is a backticked identifier such as `` `default` ``.
  public var isEscaped: Bool

  /// Creates a token.
  public init(
    kind: TokenKind, text: String, range: SourceRange, isAtStartOfLine: Bool, hasLeadingTrivia: Bool,
    isEscaped: Bool = false
  ) {
    self.kind = kind
    self.text = text
    self.range = range
    self.isAtStartOfLine = isAtStartOfLine
    self.hasLeadingTrivia = hasLeadingTrivia
    self.isEscaped = isEscaped
  }

  /// Whether the token is one of the three operator kinds.
  public var isOperator: Bool {
    kind == .prefixOperator || kind == .postfixOperator || kind == .binaryOperator
  }

  /// Whether the token is the reserved word `word` (not a backticked identifier).
  func isKeyword(_ word: String) -> Bool {
    kind == .keyword && text == word
  }

  /// Whether the token is the unescaped identifier `word` (a contextual keyword such as `async`).
  func isContextualKeyword(_ word: String) -> Bool {
    kind == .identifier && !isEscaped && text == word
  }

  /// Whether the token is the word `word`, reserved or contextual, but not backticked.
  func isWord(_ word: String) -> Bool {
    (kind == .keyword || kind == .identifier) && !isEscaped && text == word
  }

  /// Whether the token is an operator spelled `text`.
  func isOperator(_ text: String) -> Bool {
    isOperator && self.text == text
  }

  /// Whether the token can serve as a name after `.`, as an argument label, or as a parameter
  /// label: any identifier or reserved word.
  var isNameLike: Bool {
    kind == .identifier || kind == .keyword
  }
}

/// The reserved words of Swift that the lexer reports as `.keyword`.
enum Keywords {
  /// Words that cannot be used as identifiers without backticks.
  static let reserved: Set<String> = [
    // Declarations.
    "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init",
    "inout", "internal", "let", "operator", "private", "precedencegroup", "protocol", "public",
    "rethrows", "static", "struct", "subscript", "typealias", "var",
    // Statements.
    "break", "case", "catch", "continue", "default", "defer", "do", "else", "fallthrough", "for",
    "guard", "if", "in", "repeat", "return", "throw", "switch", "where", "while",
    // Expressions and types.
    "as", "false", "is", "nil", "self", "Self", "super", "throws", "true", "try", "_",
  ]

  /// Reserved words that name a value in an expression and print without backticks.
  static let expressionNames: Set<String> = ["self", "Self", "super"]
}
