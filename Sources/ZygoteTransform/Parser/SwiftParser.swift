/// The parser's entry points: source text in, AST and diagnostics out.
///
/// Every entry point lexes and parses the whole text, never traps, and returns at most ten
/// errors (one per line), each located by UTF-8 offsets into `source` (see `SourceFile` for lines
/// and columns). When there are errors, the returned nodes are still well formed, with
/// `.unknown` expressions and `.other` nodes where the input was broken.
///
/// ```swift
/// let (declaration, diagnostics) = SwiftParser.parseDeclaration("""
///   @Differentiable
///   func f(_ x: Double) -> Double { 5 * x + 3 }
///   """)
/// // declaration: .function(FunctionDeclaration(name: "f", ...)), diagnostics: []
/// ```
public enum SwiftParser {
  /// Parses one declaration (function, `struct`/`class`/`enum`/`extension`, variable) from a
  /// macro's declaration source. The source may start with comments and attributes
  /// (`@Differentiable\nfunc f...`). Returns nil when the source does not start with a
  /// declaration; anything after the declaration is an error.
  public static func parseDeclaration(_ source: String) -> (declaration: Declaration?, diagnostics: [Diagnostic]) {
    var (parser, lexical) = makeParser(source)
    guard parser.isStartOfDeclaration() else {
      parser.errorExpected("declaration")
      return (nil, merge(lexical, parser.diagnostics, parser.file))
    }
    let declaration = parser.parseDeclaration()
    if !parser.atEnd {
      parser.errorExpected("end of declaration")
    }
    return (declaration, merge(lexical, parser.diagnostics, parser.file))
  }

  /// Parses one expression, such as a freestanding macro use `#gradient(f, at: 1.0)` or
  /// `#gradient(Params([W, b])) { ... }`. Returns nil only for an empty source; anything after
  /// the expression is an error.
  public static func parseExpression(_ source: String) -> (expression: Expression?, diagnostics: [Diagnostic]) {
    var (parser, lexical) = makeParser(source)
    if parser.atEnd {
      parser.errorExpected("expression")
      return (nil, merge(lexical, parser.diagnostics, parser.file))
    }
    let expression = parser.parseExpression()
    if !parser.atEnd {
      parser.errorExpected("end of expression")
    }
    return (expression, merge(lexical, parser.diagnostics, parser.file))
  }

  /// Parses a sequence of statements: a file's top level or a body's contents.
  public static func parseStatements(_ source: String) -> (statements: [Statement], diagnostics: [Diagnostic]) {
    var (parser, lexical) = makeParser(source)
    let statements = parser.parseTopLevel()
    return (statements, merge(lexical, parser.diagnostics, parser.file))
  }

  /// Parses a whole file's top-level items, declarations and statements, in order (for the
  /// `zygote-expand` tool). Functions are `.function`, variables `.variable`; type declarations,
  /// imports and other declarations are `.other` with their text.
  public static func parseFile(_ source: String) -> (items: [Statement], diagnostics: [Diagnostic]) {
    let (statements, diagnostics) = parseStatements(source)
    return (statements, diagnostics)
  }

  /// Lexes `source` and creates a parser over its tokens.
  static func makeParser(_ source: String) -> (Parser, [Diagnostic]) {
    let (tokens, lexical) = Lexer.tokenize(source)
    return (Parser(tokens: tokens, source: source), lexical)
  }

  /// Sorts the lexer's and the parser's diagnostics by position, keeps one error per line, and
  /// at most `Parser.maximumErrors` errors.
  static func merge(_ lexical: [Diagnostic], _ syntactic: [Diagnostic], _ file: SourceFile) -> [Diagnostic] {
    let ordered = (lexical + syntactic).enumerated().sorted { left, right in
      (left.element.range.start, left.offset) < (right.element.range.start, right.offset)
    }
    var result: [Diagnostic] = []
    var errorLines = Set<Int>()
    for (_, diagnostic) in ordered {
      if diagnostic.severity == .error {
        let line = file.line(ofUTF8Offset: diagnostic.range.start)
        guard errorLines.count < Parser.maximumErrors, errorLines.insert(line).inserted else { continue }
      }
      result.append(diagnostic)
    }
    return result
  }
}

extension Parser {
  /// top-level = statement-list { "}" statement-list }   (a stray `}` is reported and skipped)
  mutating func parseTopLevel() -> [Statement] {
    var statements: [Statement] = []
    var progress = LoopProgress()
    while !atEnd && progress.evaluate(self) {
      statements += parseStatementList(inSwitch: false)
      if at(.rightBrace) {
        error("unexpected '}' with no matching '{'")
        advance()
      }
    }
    return statements
  }
}
