import XCTest
@testable import ZygoteTransform

/// Lexer tests: every literal kind, names, operators and how whitespace binds them, comments,
/// positions, and lexical errors.
final class LexerTests: XCTestCase {
  /// The tokens of `source` without the final end-of-file token, as (kind, text) pairs.
  func lex(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> [(TokenKind, String)] {
    let (tokens, diagnostics) = Lexer.tokenize(source)
    XCTAssertEqual(diagnostics, [], source, file: file, line: line)
    XCTAssertEqual(tokens.last?.kind, .endOfFile, file: file, line: line)
    return tokens.dropLast().map { ($0.kind, $0.text) }
  }

  /// Asserts that `source` is a single token of `kind` whose text is the whole source.
  func assertSingleToken(_ source: String, _ kind: TokenKind, file: StaticString = #filePath, line: UInt = #line) {
    let tokens = lex(source, file: file, line: line)
    XCTAssertEqual(tokens.count, 1, "\(source) → \(tokens)", file: file, line: line)
    XCTAssertEqual(tokens.first?.0, kind, source, file: file, line: line)
    XCTAssertEqual(tokens.first?.1, source, file: file, line: line)
  }

  /// The first diagnostic of lexing `source`, with its 1-based line and column.
  func firstError(_ source: String) -> (message: String, line: Int, column: Int)? {
    guard let diagnostic = Lexer.tokenize(source).diagnostics.first else { return nil }
    let position = SourceFile(source).lineAndColumn(ofUTF8Offset: diagnostic.range.start)
    return (diagnostic.message, position.line, position.column)
  }

  // MARK: - Literals

  func testIntegerLiterals() {
    for literal in ["0", "7", "42", "1_000_000", "0x2A", "0xdead_BEEF", "0o17", "0o7_7", "0b1010", "0b1_0_1", "00012"] {
      assertSingleToken(literal, .integerLiteral)
    }
  }

  func testFloatingPointLiterals() {
    for literal in [
      "1.5", "0.0", "1e10", "1E10", "1e-3", "2.5e+3", "1_000.000_1", "1_0.0_1e1_0", "0x1p-2", "0x1P4", "0x1.8p3",
      "0xA.Bp+1", "0x1_0.F_Fp1_0",
    ] {
      assertSingleToken(literal, .floatLiteral)
    }
  }

  func testNumbersNextToPeriods() {
    XCTAssertEqual(lex("1..<2").map(\.1), ["1", "..<", "2"])
    XCTAssertEqual(lex("1...2").map(\.1), ["1", "...", "2"])
    XCTAssertEqual(lex("1.description").map(\.1), ["1", ".", "description"])
    XCTAssertEqual(lex("t.0.1").map(\.1), ["t", ".", "0", ".", "1"], "tuple members, not the float 0.1")
    XCTAssertEqual(lex("t.0.1").map(\.0), [.identifier, .period, .integerLiteral, .period, .integerLiteral])
  }

  func testStringLiterals() {
    for literal in [
      #""""#,
      #""plain""#,
      #""escapes \n \t \r \0 \\ \" \' \u{1F600} \u{41}""#,
      #""a\(x)b""#,
      #""nested \(f("inner \(g(")")) done") + 1) end""#,
      #""paren in interpolation \((a + b) * (c))""#,
      #""comment in interpolation \(x /* ) */ + 1)""#,
      ##"#"raw \n \(x) "quoted""#"##,
      ##"#"raw with interpolation \#(x + 1)"#"##,
      ###"##"double "# hash"##"###,
      ##"#"""#"##,
      ##"#""""#"##,
      "\"\"\"\n  multi-line \"quotes\" \"\" \\(x) \\\"\"\"\n  \"\"\"",
      "\"\"\"\n  continued \\\n  line\n  \"\"\"",
      "#\"\"\"\n  raw multi-line \\(not) \\#(yes)\n  \"\"\"#",
      #""unicode é ü 漢字 🎉""#,
    ] {
      assertSingleToken(literal, .stringLiteral)
    }
  }

  func testStringInterpolationWithNewlineInMultilineString() {
    assertSingleToken("\"\"\"\n  \\(f(\n    x))\n  \"\"\"", .stringLiteral)
  }

  // MARK: - Names, keywords, punctuation

  func testIdentifiersAndKeywords() {
    XCTAssertEqual(lex("x _x x1 café π $0 $value").map(\.0), Array(repeating: .identifier, count: 7))
    XCTAssertEqual(lex("func let if in self Self _ true nil").map(\.0), Array(repeating: .keyword, count: 9))
    XCTAssertEqual(lex("async await mutating some any actor").map(\.0), Array(repeating: .identifier, count: 6))
    let (tokens, _) = Lexer.tokenize("`default` `class` `foo bar`")
    XCTAssertEqual(tokens.dropLast().map(\.kind), [.identifier, .identifier, .identifier])
    XCTAssertEqual(tokens.dropLast().map(\.text), ["default", "class", "foo bar"])
    XCTAssertEqual(tokens.dropLast().map(\.isEscaped), [true, true, true])
    XCTAssertEqual(tokens[0].range, SourceRange(start: 0, end: 9))
  }

  func testPunctuationAndSpecialTokens() {
    XCTAssertEqual(
      lex("( ) { } [ ] , : ; . -> @ \\ #if #available #gradient").map(\.0),
      [
        .leftParen, .rightParen, .leftBrace, .rightBrace, .leftBracket, .rightBracket, .comma, .colon, .semicolon, .period,
        .arrow, .atSign, .backslash, .pound, .pound, .pound,
      ])
    XCTAssertEqual(lex("#if DEBUG").map(\.1), ["#if", "DEBUG"])
  }

  func testRegexLiterals() {
    assertSingleToken("#/a+b/#", .regexLiteral)
    assertSingleToken("##/a/#b/##", .regexLiteral)
    assertSingleToken("#/\n  a+  # comment\n  b\n/#", .regexLiteral)
    XCTAssertEqual(lex("f(/a+b/)").map(\.0), [.identifier, .leftParen, .regexLiteral, .rightParen])
    XCTAssertEqual(lex("x = /[a-z]\\/+/").map(\.0), [.identifier, .binaryOperator, .regexLiteral])
    XCTAssertEqual(lex("a / b / c").map(\.0), [.identifier, .binaryOperator, .identifier, .binaryOperator, .identifier])
    XCTAssertEqual(lex("x = / a/").map(\.1), ["x", "=", "/", "a", "/"], "a regex cannot start with a space")
    XCTAssertNotEqual(lex("(a) /b/ c").map(\.0)[3], .regexLiteral, "after ')' a slash is an operator")
    XCTAssertEqual(firstError("#/abc\nx")?.message, "unterminated regex literal")
  }

  // MARK: - Operators

  func testOperatorBindingRules() {
    XCTAssertEqual(lex("a + b").map(\.0), [.identifier, .binaryOperator, .identifier])
    XCTAssertEqual(lex("a+b").map(\.0), [.identifier, .binaryOperator, .identifier])
    XCTAssertEqual(lex("-x").map(\.0), [.prefixOperator, .identifier])
    XCTAssertEqual(lex("a -b").map(\.0), [.identifier, .prefixOperator, .identifier])
    XCTAssertEqual(lex("a- b").map(\.0), [.identifier, .postfixOperator, .identifier])
    XCTAssertEqual(lex("(-x)").map(\.0), [.leftParen, .prefixOperator, .identifier, .rightParen])
    XCTAssertEqual(lex("f(x...)").map(\.0), [.identifier, .leftParen, .identifier, .postfixOperator, .rightParen])
    XCTAssertEqual(lex("a /* c */+ b").map(\.0), [.identifier, .binaryOperator, .identifier], "a comment is whitespace")
    XCTAssertEqual(lex("x+.y").map(\.0), [.identifier, .postfixOperator, .period, .identifier])
    XCTAssertEqual(lex("x == .y").map(\.0), [.identifier, .binaryOperator, .period, .identifier])
  }

  func testQuestionAndExclamationMarks() {
    XCTAssertEqual(lex("x?.y").map(\.1), ["x", "?", ".", "y"])
    XCTAssertEqual(lex("x?.y").map(\.0)[1], .postfixOperator)
    XCTAssertEqual(lex("x![0]").map(\.0)[1], .postfixOperator)
    XCTAssertEqual(lex("x??y").map(\.1), ["x", "?", "?", "y"], "a left-bound ? is always a single postfix ?")
    XCTAssertEqual(lex("a ?? b").map(\.1), ["a", "??", "b"])
    XCTAssertEqual(lex("a ? b : c").map(\.0), [.identifier, .binaryOperator, .identifier, .colon, .identifier])
    XCTAssertEqual(lex("Int?>").map(\.1), ["Int", "?", ">"])
    XCTAssertEqual(lex("a != b").map(\.1), ["a", "!=", "b"])
    XCTAssertEqual(lex("!a").map(\.0), [.prefixOperator, .identifier])
  }

  func testOperatorSpellings() {
    XCTAssertEqual(
      lex("a ..< b ... c ?? d &+ e <<= f === g !== h ~= i .== j").map(\.1).filter { $0.count > 1 },
      ["..<", "...", "??", "&+", "<<=", "===", "!==", "~=", ".=="])
    XCTAssertEqual(lex("a ∘ b ⊕ c").map(\.0), [.identifier, .binaryOperator, .identifier, .binaryOperator, .identifier])
    XCTAssertEqual(lex("a+/* c */b").map(\.1), ["a", "+", "b"], "a comment ends an operator")
    XCTAssertEqual(lex("a+//c\nb").map(\.1), ["a", "+", "b"])
  }

  func testRelexingSplitOperators() {
    // `>>?` closes two generic argument lists: the parser splits off one `>` at a time.
    let bytes = Array("Array<Array<Int>>?".utf8)
    XCTAssertEqual(Lexer.relexOperators(bytes, from: 16, to: 18).map(\.text), [">?"])
    let last = Lexer.relexOperators(bytes, from: 17, to: 18)
    XCTAssertEqual(last.map(\.text), ["?"])
    XCTAssertEqual(last.map(\.kind), [.postfixOperator])
  }

  // MARK: - Trivia and positions

  func testCommentsAndTrivia() {
    XCTAssertEqual(lex("a // line comment\nb /* block /* nested */ still */ c").map(\.1), ["a", "b", "c"])
    let (tokens, _) = Lexer.tokenize("a\n  b /* x\n */ c d")
    XCTAssertEqual(tokens.map(\.isAtStartOfLine), [true, true, true, false, false])
    XCTAssertEqual(tokens.map(\.hasLeadingTrivia), [true, true, true, true, false])
    XCTAssertEqual(tokens[1].range, SourceRange(start: 4, end: 5))
    XCTAssertEqual(tokens.last?.range, SourceRange(start: 18, end: 18))
  }

  func testByteOrderMarkAndShebang() {
    XCTAssertEqual(lex("\u{FEFF}let x").map(\.1), ["let", "x"])
    XCTAssertEqual(lex("#!/usr/bin/env swift\nlet x").map(\.1), ["let", "x"])
  }

  func testPositionsAreUTF8Offsets() {
    let (tokens, _) = Lexer.tokenize("é + 漢字")
    XCTAssertEqual(tokens.map(\.range), [
      SourceRange(start: 0, end: 2), SourceRange(start: 3, end: 4), SourceRange(start: 5, end: 11),
      SourceRange(start: 11, end: 11),
    ])
  }

  // MARK: - Errors

  func testLexicalErrors() {
    let cases: [(String, String, Int, Int)] = [
      ("let s = \"abc\nx", "unterminated string literal", 1, 9),
      ("\"\"\"\nabc", "unterminated multi-line string literal", 1, 1),
      ("\"\"\"abc\n\"\"\"", "multi-line string literal content must begin on a new line", 1, 4),
      ("a /* open", "unterminated '/*' comment", 1, 3),
      ("0x", "expected a digit after integer literal prefix '0x'", 1, 1),
      ("0b102", "'2' is not a valid digit in integer literal", 1, 5),
      ("12ab", "'a' is not a valid digit in integer literal", 1, 3),
      ("1.5e", "expected a digit in floating point exponent", 1, 5),
      ("0x1.8", "hexadecimal floating point literal must end with an exponent", 1, 1),
      ("\"\\q\"", "invalid escape sequence in literal", 1, 2),
      ("\"\\u{}\"", "invalid unicode scalar escape", 1, 2),
      ("x\u{7}", "invalid character U+0007 in source", 1, 2),
      ("x \u{FFFD}", "invalid character U+FFFD in source", 1, 3),
      ("a\u{00A0}b", "invalid whitespace character U+00A0; use a space", 1, 2),
      ("`abc", "unterminated escaped identifier", 1, 1),
      ("# x", "unexpected '#'", 1, 1),
      ("x = .5", "'.5' is not a valid floating point literal", 1, 5),
    ]
    for (source, message, line, column) in cases {
      guard let error = firstError(source) else {
        XCTFail("no error for \(source)")
        continue
      }
      XCTAssertTrue(error.message.hasPrefix(message), "\(source): \(error.message)")
      XCTAssertEqual(error.line, line, source)
      XCTAssertEqual(error.column, column, source)
    }
  }

  func testErrorsStillProduceTokens() {
    let (tokens, diagnostics) = Lexer.tokenize("let s = \"abc\nlet t = 1")
    XCTAssertEqual(diagnostics.count, 1)
    XCTAssertEqual(tokens.map(\.text), ["let", "s", "=", "\"abc", "let", "t", "=", "1", ""])
  }

  func testDeeplyNestedInterpolationIsBounded() {
    let source = "\"" + String(repeating: "\\(\"", count: 1000)
    let (tokens, diagnostics) = Lexer.tokenize(source)
    XCTAssertEqual(tokens.last?.kind, .endOfFile)
    XCTAssertTrue(diagnostics.contains { $0.message.hasPrefix("nesting too deep") }, "\(diagnostics)")
  }
}
