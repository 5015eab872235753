import XCTest
@testable import ZygoteTransform

/// Diagnostics: messages with their line and column, Go-style inline `/* ERROR "..." */`
/// annotations, the limits (nesting, error count), and a fuzz test: thousands of mutated
/// sources must each parse quickly, without a crash, with well-formed diagnostics.
final class ParserErrorTests: XCTestCase {
  enum Entry {
    case statements, expression, declaration
  }

  /// The diagnostics of parsing `source` with `entry`, as (message, line, column).
  func diagnostics(_ source: String, _ entry: Entry = .statements) -> [(message: String, line: Int, column: Int)] {
    let found: [Diagnostic]
    switch entry {
    case .statements: found = SwiftParser.parseStatements(source).diagnostics
    case .expression: found = SwiftParser.parseExpression(source).diagnostics
    case .declaration: found = SwiftParser.parseDeclaration(source).diagnostics
    }
    let file = SourceFile(source)
    return found.map { diagnostic in
      let position = file.lineAndColumn(ofUTF8Offset: diagnostic.range.start)
      return (diagnostic.message, position.line, position.column)
    }
  }

  func testMessagesAndPositions() {
    let cases: [(String, Entry, String, Int, Int)] = [
      ("let x = (1 + 2", .statements, "expected ')' to close '(' at line 1, found end of input", 1, 15),
      ("let x = foo(1,\n  2\nlet y = 3", .statements, "expected ')' to close '(' at line 1, found 'let'", 3, 1),
      ("if x {\n  y()\n", .statements, "expected '}' to close '{' at line 1, found end of input", 3, 1),
      ("let a = [1, 2", .statements, "expected ']' to close '[' at line 1, found end of input", 1, 14),
      ("let = 3", .statements, "expected pattern, found '='", 1, 5),
      ("x = )", .statements, "expected expression after operator, found ')'", 1, 5),
      ("let x = )", .statements, "expected expression, found ')'", 1, 9),
      ("a b", .statements, "consecutive statements on a line must be separated by ';'", 1, 3),
      ("f(a b)", .statements, "expected ',' or ')' in argument list, found 'b'", 1, 5),
      ("x.", .statements, "expected member name following '.', found end of input", 1, 3),
      ("let y = - x", .statements, "unary operator '-' cannot be separated from its operand", 1, 9),
      ("c ? a", .expression, "expected ':' after '? ...' in ternary expression, found end of input", 1, 6),
      ("a +", .expression, "expected expression after operator, found end of input", 1, 4),
      ("guard x { }", .statements, "expected 'else' after 'guard' condition, found '{'", 1, 9),
      ("if x\n  y()", .statements, "expected '{' after 'if' condition, found 'y'", 2, 3),
      ("for x xs { }", .statements, "expected 'in' after for-in pattern, found 'xs'", 1, 7),
      ("while x", .statements, "expected '{' after 'while' condition, found end of input", 1, 8),
      ("repeat { } until x", .statements, "expected 'while' after 'repeat' body, found 'until'", 1, 12),
      ("switch x { foo() }", .statements, "expected 'case' or 'default' in 'switch', found 'foo'", 1, 12),
      ("switch x {\ncase 1 f()\n}", .statements, "expected ':' after 'case' label, found 'f'", 2, 8),
      ("case 1: break", .statements, "'case' label can only appear inside a 'switch' statement", 1, 1),
      ("else { }", .statements, "unexpected 'else'; expected a statement", 1, 1),
      ("}", .statements, "unexpected '}' with no matching '{'", 1, 1),
      ("let x: Array<Int = []", .statements, "expected '>' to close '<' at line 1, found '='", 1, 18),
      ("let x: [Int: = 1", .statements, "expected type, found '='", 1, 14),
      ("#if DEBUG\nx()", .statements, "expected '#endif' to close '#if' at line 1, found end of input", 2, 4),
      ("func f(x: Double -> Double {}", .declaration, "expected ',' or ')' in parameter list, found '->'", 1, 18),
      ("func f(x) {}", .declaration, "expected ':' and a type after parameter name 'x', found ')'", 1, 9),
      ("func (x: Int) {}", .declaration, "expected function name, found '('", 1, 6),
      ("x = 1", .declaration, "expected declaration, found 'x'", 1, 1),
      ("func f() {}\nfunc g() {}", .declaration, "expected end of declaration, found 'func'", 2, 1),
      ("#gradient(f, at: 1.0) extra", .expression, "expected end of expression, found 'extra'", 1, 23),
      ("", .expression, "expected expression, found end of input", 1, 1),
      ("struct S { 1 }", .declaration, "expected declaration in the body of a type, found '1'", 1, 12),
      ("let s = \"abc", .statements, "unterminated string literal", 1, 9),
      ("let n = 12ab", .statements, "'a' is not a valid digit in integer literal", 1, 11),
      ("let t = \u{7}", .statements, "invalid character U+0007 in source", 1, 9),
      ("@ func f() {}", .declaration, "expected attribute name after '@', found 'func'", 1, 3),
      ("{ [x in x }", .expression, "expected ',' or ']' in collection literal, found 'in'", 1, 6),
    ]
    for (source, entry, message, line, column) in cases {
      let found = diagnostics(source, entry)
      guard let first = found.first else {
        XCTFail("no diagnostic for \(source.debugDescription)")
        continue
      }
      XCTAssertEqual(first.message, message, source.debugDescription)
      XCTAssertEqual(first.line, line, "line of \(source.debugDescription): \(first.message)")
      XCTAssertEqual(first.column, column, "column of \(source.debugDescription): \(first.message)")
    }
  }

  /// Sources with Go-style annotations: `/* ERROR "text" */` right before the offending token
  /// means an error whose message contains `text` at that token. Every error must be annotated,
  /// and every annotation must be matched.
  static let annotatedSources: [String] = [
    """
    func f(x: Double) -> Double {
      let y = x * /* ERROR "expected expression after operator, found ')'" */ )
      return y
    }
    """,
    """
    func g() {
      let a = foo(1, 2 /* ERROR "expected ',' or ')' in argument list, found '3'" */ 3)
      if a > 0 { b() } /* ERROR "consecutive statements on a line must be separated by ';'" */ c()
      let ok = 1
    }
    """,
    """
    func h() {
      for i in 0..<n {
        guard i /* ERROR "expected 'else' after 'guard' condition, found '{'" */ { continue }
      }
      switch i {
      case 1
        /* ERROR "expected ':' after 'case' label, found 'break'" */ break
      default:
        break
      }
    }
    """,
    """
    let x = [1: 2, 3 /* ERROR "expected ':' in dictionary literal, found ']'" */ ]
    let y = (a, b
    /* ERROR "expected ')' to close '(' at line 2, found 'var'" */ var z = 1
    var w: /* ERROR "expected type, found '='" */ = 1
    """,
  ]

  func testAnnotatedSources() {
    for annotated in Self.annotatedSources {
      let expected = Self.annotations(in: annotated)
      XCTAssertFalse(expected.isEmpty)
      let found = SwiftParser.parseStatements(annotated).diagnostics.filter { $0.severity == .error }
      let file = SourceFile(annotated)
      for diagnostic in found {
        let match = expected.first { $0.position == diagnostic.range.start && diagnostic.message.contains($0.text) }
        XCTAssertNotNil(
          match, "unexpected error at \(file.lineAndColumn(ofUTF8Offset: diagnostic.range.start)): \(diagnostic.message)")
      }
      for annotation in expected {
        let match = found.first { $0.range.start == annotation.position && $0.message.contains(annotation.text) }
        XCTAssertNotNil(
          match,
          "missing error \"\(annotation.text)\" at \(file.lineAndColumn(ofUTF8Offset: annotation.position)); found \(found.map(\.message))")
      }
    }
  }

  /// The annotations of a source: the expected text, and the offset of the token that follows
  /// the annotation.
  static func annotations(in source: String) -> [(text: String, position: Int)] {
    let bytes = Array(source.utf8)
    let tokens = Lexer.tokenize(source).tokens
    let marker = Array("/* ERROR \"".utf8)
    var result: [(String, Int)] = []
    var offset = 0
    while offset + marker.count <= bytes.count {
      guard Array(bytes[offset..<offset + marker.count]) == marker else {
        offset += 1
        continue
      }
      var end = offset + marker.count
      while end < bytes.count && bytes[end] != UInt8(ascii: "\"") { end += 1 }
      let text = String(decoding: bytes[(offset + marker.count)..<end], as: UTF8.self)
      let next = tokens.first { $0.range.start > end }
      result.append((text, next?.range.start ?? bytes.count))
      offset = end
    }
    return result
  }

  // MARK: - Limits

  func testNestingTooDeep() {
    let sources = [
      String(repeating: "(", count: 300) + "x" + String(repeating: ")", count: 300),
      String(repeating: "[", count: 10_000),
      String(repeating: "{", count: 10_000),
      String(repeating: "f(", count: 5_000),
      String(repeating: "if x { ", count: 2_000),
      String(repeating: "try ", count: 2_000) + "x",
      "let x: " + String(repeating: "[", count: 2_000) + "Int",
      "let x: " + String(repeating: "(", count: 2_000) + "Int",
      "if case " + String(repeating: "(", count: 2_000) + "x",
      String(repeating: "{ x in ", count: 2_000),
    ]
    for source in sources {
      let found = diagnostics(source)
      XCTAssertTrue(
        found.contains { $0.message.hasPrefix("nesting too deep") }, "\(source.prefix(20))...: \(found.map(\.message))")
      XCTAssertLessThanOrEqual(found.count, Parser.maximumErrors)
    }
  }

  func testModerateNestingIsFine() {
    let source = String(repeating: "(", count: 100) + "x" + String(repeating: ")", count: 100)
    XCTAssertEqual(diagnostics(source).map(\.message), [])
    let blocks = String(repeating: "if x {\n", count: 60) + String(repeating: "}\n", count: 60)
    XCTAssertEqual(diagnostics(blocks).map(\.message), [])
  }

  func testLongOperatorAndPostfixChains() {
    let sum = "x" + String(repeating: " + x", count: 400)
    XCTAssertEqual(diagnostics(sum).map(\.message), [], "400 operators are fine")
    let long = "x" + String(repeating: " + x", count: 5_000)
    XCTAssertTrue(diagnostics(long).contains { $0.message.hasPrefix("nesting too deep") })
    let members = "x" + String(repeating: ".y", count: 5_000)
    XCTAssertTrue(diagnostics(members).contains { $0.message.hasPrefix("nesting too deep") })
    let wide = "[" + Array(repeating: "1", count: 20_000).joined(separator: ", ") + "]"
    XCTAssertEqual(diagnostics(wide).map(\.message), [], "a wide expression is not a deep one")
  }

  func testAtMostTenErrorsOnePerLine() {
    let garbage = String(repeating: "let = = = ) ] }\n", count: 50)
    let found = diagnostics(garbage)
    XCTAssertLessThanOrEqual(found.count, 10)
    XCTAssertEqual(Set(found.map(\.line)).count, found.count, "one error per line")
  }

  // MARK: - Fuzzing

  /// SplitMix64: a small, seeded, reproducible generator.
  struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  /// Fragments inserted by mutations: delimiters, quotes, comment markers, keywords, odd bytes.
  static let fragments: [[UInt8]] = [
    "(", ")", "{", "}", "[", "]", "\"", "\"\"\"", "\\(", "#", "#\"", "\"#", "/*", "*/", "//", "\n", ",", ":", ";",
    "?", "!", ".", "<", ">", ">>", "->", "...", "in", "let", "var", "if", "else", "case", "switch", "for", "func",
    "@", "`", "$", "#if", "#endif", "try", "await", "=", "+=", "&", "\\", "_", " ", "0x", "1e", "é", "🎉",
  ].map { Array($0.utf8) } + [[0x00], [0xFF], [0xC3], [0xE2, 0x82], [0x07]]

  /// Applies one random mutation to `bytes`.
  static func mutate(_ bytes: inout [UInt8], _ random: inout SplitMix64) {
    let count = bytes.count
    func position() -> Int { count == 0 ? 0 : Int.random(in: 0...count, using: &random) }
    switch Int.random(in: 0..<7, using: &random) {
    case 0:  // delete a range
      let start = position()
      let end = min(count, start + Int.random(in: 1...8, using: &random))
      if start < end { bytes.removeSubrange(start..<end) }
    case 1:  // insert a fragment
      let fragment = fragments[Int.random(in: 0..<fragments.count, using: &random)]
      bytes.insert(contentsOf: fragment, at: position())
    case 2:  // duplicate a range
      let start = position()
      let end = min(count, start + Int.random(in: 1...20, using: &random))
      if start < end { bytes.insert(contentsOf: bytes[start..<end], at: position()) }
    case 3:  // truncate
      bytes.removeSubrange(position()..<count)
    case 4:  // replace a byte with a random one
      if count > 0 { bytes[Int.random(in: 0..<count, using: &random)] = UInt8.random(in: 0...255, using: &random) }
    case 5:  // swap two ranges' first bytes
      if count > 1 { bytes.swapAt(Int.random(in: 0..<count, using: &random), Int.random(in: 0..<count, using: &random)) }
    default:  // repeat an opening delimiter many times
      let fragment = fragments[Int.random(in: 0..<6, using: &random)]
      let repeated = Array([[UInt8]](repeating: fragment, count: Int.random(in: 1...400, using: &random)).joined())
      bytes.insert(contentsOf: repeated, at: position())
    }
  }

  /// Checks what must hold for any input: the parse ends, diagnostics are capped and inside the
  /// text, and the result can be printed and parsed again.
  func checkInvariants(_ source: String) {
    let length = source.utf8.count
    func checkDiagnostics(_ diagnostics: [Diagnostic]) {
      XCTAssertLessThanOrEqual(diagnostics.filter { $0.severity == .error }.count, Parser.maximumErrors)
      for diagnostic in diagnostics {
        XCTAssertTrue(
          0 <= diagnostic.range.start && diagnostic.range.start <= diagnostic.range.end && diagnostic.range.end <= length,
          "range \(diagnostic.range) outside 0...\(length) for \(source.debugDescription)")
      }
    }
    let (statements, statementDiagnostics) = SwiftParser.parseStatements(source)
    checkDiagnostics(statementDiagnostics)
    let printed = ASTPrinter.print(statements, indent: "  ")
    _ = SwiftParser.parseStatements(printed)
    let (expression, expressionDiagnostics) = SwiftParser.parseExpression(source)
    checkDiagnostics(expressionDiagnostics)
    _ = expression?.swiftSource
    let (declaration, declarationDiagnostics) = SwiftParser.parseDeclaration(source)
    checkDiagnostics(declarationDiagnostics)
    if case .function(let function) = declaration { _ = ASTPrinter.print(function, indent: "") }
    checkDiagnostics(SwiftParser.parseFile(source).diagnostics)
  }

  func testFuzzMutatedSnippets() {
    var random = SplitMix64(state: 0x5EED_2026)
    let corpus = ParserTests.corpus.map { Array($0.utf8) }
    let clock = ContinuousClock()
    var slowest: Duration = .zero
    for iteration in 0..<3_000 {
      var bytes = corpus[iteration % corpus.count]
      for _ in 0..<Int.random(in: 1...6, using: &random) { Self.mutate(&bytes, &random) }
      let source = String(decoding: bytes, as: UTF8.self)
      let elapsed = clock.measure { checkInvariants(source) }
      slowest = max(slowest, elapsed)
      XCTAssertLessThan(elapsed, .seconds(2), "slow input: \(source.debugDescription)")
    }
    XCTAssertLessThan(slowest, .seconds(2))
  }

  func testFuzzRandomBytesAndTruncations() {
    var random = SplitMix64(state: 42)
    for _ in 0..<500 {
      let bytes = (0..<Int.random(in: 0...200, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
      checkInvariants(String(decoding: bytes, as: UTF8.self))
    }
    for source in ParserTests.corpus {
      let bytes = Array(source.utf8)
      for length in stride(from: 0, through: bytes.count, by: max(1, bytes.count / 25)) {
        checkInvariants(String(decoding: bytes[0..<length], as: UTF8.self))
      }
    }
  }

  func testPathologicalInputs() {
    let inputs = [
      "", " ", "\n\n", "\u{0}", "\"", "\"\"\"", "#", "#\"", "`", "\\", "/*", "*/", "@", "$", "?", "!", ".", "...",
      "<", ">", ">>>>>>", "->", "=", "&", "#if", "#endif", "case", "in", "else", "{", "}", "(", ")", "[", "]",
      "func", "func f(", "func f<", "func f<T", "struct", "struct S {", "let", "let (", "var x:", "for", "for x in",
      "switch", "switch x {", "switch x { case", "if case", "guard", "do {", "do {} catch", "{ [", "{ (", "{ x",
      "x as", "x as?", "x is", "try", "try?", "await", "\\.", "#gradient(", "f { } a:", "a ? b", "Array<", "x<y>(",
      String(repeating: "<", count: 5_000), String(repeating: ">", count: 5_000),
      String(repeating: "\"\\(", count: 500), String(repeating: "/*", count: 1_000),
      String(repeating: "a.", count: 3_000), String(repeating: "!", count: 3_000) + "x",
      String(repeating: "x?", count: 3_000), String(repeating: "-", count: 3_000) + "x",
      String(repeating: "@a ", count: 2_000) + "func f() {}", String(repeating: "case ", count: 2_000),
      String(repeating: "} ", count: 2_000), String(repeating: ") ", count: 2_000),
      String(repeating: "let x = 1; ", count: 2_000), String(repeating: ",", count: 5_000),
      String(repeating: "else ", count: 2_000), String(repeating: "#if x\n", count: 500),
      String(repeating: "f(a: ", count: 1_000), String(repeating: "x = ", count: 2_000) + "1",
      String(repeating: "a ? ", count: 1_000) + "b", String(repeating: "(x: ", count: 1_000),
    ]
    for input in inputs {
      checkInvariants(input)
    }
  }
}
