import XCTest
@testable import ZygoteTransform

/// Printer tests: canonical spacing, parentheses for synthesized trees (added exactly where a
/// child binds more loosely than its position needs), indentation, and every node kind.
final class PrinterTests: XCTestCase {
  // MARK: - Building synthesized trees

  typealias E = ZygoteTransform.Expression
  let none = SourceRange.synthesized
  func name(_ text: String) -> ZygoteTransform.Expression { .identifier(name: text, range: none) }
  func integer(_ text: String) -> ZygoteTransform.Expression { .integerLiteral(text: text, range: none) }
  func binary(_ op: String, _ left: ZygoteTransform.Expression, _ right: ZygoteTransform.Expression) -> ZygoteTransform.Expression {
    .binaryOperator(operator: op, left: left, right: right, range: none)
  }
  func call(_ callee: ZygoteTransform.Expression, _ arguments: ZygoteTransform.Expression...) -> ZygoteTransform.Expression {
    .call(
      callee: callee, arguments: arguments.map { Argument(label: nil, value: $0, range: .synthesized) }, trailingClosures: [],
      range: none)
  }
  func closure(_ body: [Statement], parameters: [String] = []) -> ClosureExpression {
    ClosureExpression(
      captureList: nil, parameters: parameters.map { ClosureParameter(name: $0, type: nil, range: .synthesized) },
      parametersParenthesized: false, effects: nil, resultType: nil, body: body, range: none)
  }

  // MARK: - Parentheses

  func testParenthesesFollowPrecedence() {
    let a = name("a")
    let b = name("b")
    let c = name("c")
    XCTAssertEqual(binary("*", binary("+", a, b), c).swiftSource, "(a + b) * c")
    XCTAssertEqual(binary("+", a, binary("*", b, c)).swiftSource, "a + b * c")
    XCTAssertEqual(binary("-", binary("-", a, b), c).swiftSource, "a - b - c")
    XCTAssertEqual(binary("-", a, binary("-", b, c)).swiftSource, "a - (b - c)")
    XCTAssertEqual(binary("??", a, binary("??", b, c)).swiftSource, "a ?? b ?? c")
    XCTAssertEqual(binary("??", binary("??", a, b), c).swiftSource, "(a ?? b) ?? c")
    XCTAssertEqual(binary("&&", binary("||", a, b), c).swiftSource, "(a || b) && c")
    XCTAssertEqual(binary("==", binary("+", a, b), c).swiftSource, "a + b == c")
    XCTAssertEqual(binary("+", binary("<>", a, b), c).swiftSource, "(a <> b) + c")
    XCTAssertEqual(E.prefixOperator(operator: "-", operand: binary("+", a, b), range: none).swiftSource, "-(a + b)")
    XCTAssertEqual(
      E.prefixOperator(operator: "-", operand: .prefixOperator(operator: "-", operand: a, range: none), range: none).swiftSource,
      "-(-a)")
    XCTAssertEqual(E.member(base: binary("+", a, b), name: "x", range: none).swiftSource, "(a + b).x")
    XCTAssertEqual(E.forceUnwrap(.prefixOperator(operator: "-", operand: a, range: none), range: none).swiftSource, "(-a)!")
    XCTAssertEqual(E.cast(binary("+", a, b), kind: .as, type: .named("Double"), range: none).swiftSource, "a + b as Double")
    XCTAssertEqual(E.cast(binary("==", a, b), kind: .is, type: .named("Bool"), range: none).swiftSource, "(a == b) is Bool")
    XCTAssertEqual(binary("+", .try(a, kind: .plain, range: none), b).swiftSource, "(try a) + b")
    XCTAssertEqual(binary("+", a, .await(b, range: none)).swiftSource, "a + (await b)")
    XCTAssertEqual(E.try(binary("+", a, b), kind: .optional, range: none).swiftSource, "try? a + b")
    let ternary = ZygoteTransform.Expression.ternary(condition: a, then: b, else: c, range: none)
    XCTAssertEqual(ZygoteTransform.Expression.ternary(condition: ternary, then: b, else: ternary, range: none).swiftSource,
      "(a ? b : c) ? b : a ? b : c")
    XCTAssertEqual(binary("+", ternary, c).swiftSource, "(a ? b : c) + c")
    XCTAssertEqual(call(binary("+", a, b), c).swiftSource, "(a + b)(c)")
    XCTAssertEqual(E.parenthesized(binary("+", a, b), range: none).swiftSource, "(a + b)", "written parentheses stay as written")
  }

  func testParsedTreesGetNoExtraParentheses() throws {
    for source in ["(a + b) * c", "a - (b - c)", "-(x + 1) * y", "((a))", "(try f()) + 1", "(a ? b : c) + d", "a ?? b ?? c"] {
      XCTAssertEqual(try parseExpression(source).swiftSource, source)
    }
  }

  func testCanonicalSpacing() throws {
    XCTAssertEqual(try parseExpression("a+b*c-d").swiftSource, "a + b * c - d")
    XCTAssertEqual(try parseExpression("f( a,b:c )").swiftSource, "f(a, b: c)")
    XCTAssertEqual(try parseExpression("[ 1,2 ]").swiftSource, "[1, 2]")
    XCTAssertEqual(try parseExpression("[1:2,3:4]").swiftSource, "[1: 2, 3: 4]")
    XCTAssertEqual(try parseExpression("x as!Int").swiftSource, "x as! Int")
    XCTAssertEqual(try parseExpression("0..<n").swiftSource, "0 ..< n")
  }

  // MARK: - Names and literals

  func testNamesAndLiteralsPrintAsWritten() {
    XCTAssertEqual(name("class").swiftSource, "`class`")
    XCTAssertEqual(name("self").swiftSource, "self")
    XCTAssertEqual(name("foo bar").swiftSource, "`foo bar`")
    XCTAssertEqual(name("Array<Double>").swiftSource, "Array<Double>")
    XCTAssertEqual(name("+").swiftSource, "(+)")
    XCTAssertEqual(name("$0").swiftSource, "$0")
    XCTAssertEqual(integer("0x_FF").swiftSource, "0x_FF")
    XCTAssertEqual(ZygoteTransform.Expression.floatLiteral(text: "1e-3", range: none).swiftSource, "1e-3")
    XCTAssertEqual(ZygoteTransform.Expression.stringLiteral(text: "#\"a\"#", range: none).swiftSource, "#\"a\"#")
    XCTAssertEqual(ZygoteTransform.Expression.unknown(text: "if c { 1 } else { 2 }", range: none).swiftSource, "if c { 1 } else { 2 }")
    XCTAssertEqual(ZygoteTransform.Expression.keyPath(text: "\\.x", range: none).swiftSource, "\\.x")
    XCTAssertEqual(ZygoteTransform.Expression.discard(range: none).swiftSource, "_")
    XCTAssertEqual(ZygoteTransform.Expression.implicitMember(name: "zero", range: none).swiftSource, ".zero")
    XCTAssertEqual(ZygoteTransform.Expression.dictionaryLiteral(elements: [], range: none).swiftSource, "[:]")
    XCTAssertEqual(ZygoteTransform.Expression.tuple(elements: [], range: none).swiftSource, "()")
  }

  // MARK: - Calls and closures

  func testCallsAndTrailingClosures() {
    let body: [Statement] = [.expression(binary("*", name("$0"), integer("2")))]
    let trailing = TrailingClosure(label: nil, closure: closure(body))
    XCTAssertEqual(
      ZygoteTransform.Expression.call(callee: name("f"), arguments: [], trailingClosures: [trailing], range: none).swiftSource,
      "f { $0 * 2 }")
    XCTAssertEqual(
      ZygoteTransform.Expression.call(
        callee: name("f"), arguments: [Argument(label: "x", value: integer("1"), range: none)],
        trailingClosures: [trailing, TrailingClosure(label: "then", closure: closure([]))], range: none
      ).swiftSource,
      "f(x: 1) { $0 * 2 } then: { }")
    let closureCallee = ZygoteTransform.Expression.closure(closure(body))
    XCTAssertEqual(
      ZygoteTransform.Expression.call(callee: closureCallee, arguments: [], trailingClosures: [trailing], range: none).swiftSource,
      "{ $0 * 2 }() { $0 * 2 }", "a callee that cannot take a trailing closure keeps its parentheses")
    XCTAssertEqual(
      ZygoteTransform.Expression.macroExpansion(name: "gradient", arguments: [], trailingClosures: [trailing], range: none).swiftSource,
      "#gradient { $0 * 2 }")
  }

  func testMultiLineClosuresAreIndented() throws {
    let statements = try parseBody("let y = xs.map { x in\nlet z = x * 2\nreturn z + 1\n}\nf { if c { g() } }")
    XCTAssertEqual(
      ASTPrinter.print(statements, indent: "    "),
      """
          let y = xs.map { x in
            let z = x * 2
            return z + 1
          }
          f {
            if c {
              g()
            }
          }
      """)
  }

  func testNestedClosuresPrintInLinearTime() {
    var body: [Statement] = [.function(try! parseFunction("func f() { g() }"))]
    for _ in 0..<200 {
      body = [.expression(.closure(closure(body)))]
    }
    let clock = ContinuousClock()
    let elapsed = clock.measure { _ = ASTPrinter.print(body, indent: "") }
    XCTAssertLessThan(elapsed, .seconds(1))
  }

  func testTrailingClosureInConditionIsParenthesized() {
    let contains = ZygoteTransform.Expression.call(
      callee: .member(base: name("xs"), name: "contains", range: none), arguments: [],
      trailingClosures: [TrailingClosure(label: nil, closure: closure([.expression(name("$0"))]))], range: none)
    let statement = Statement.if(IfStatement(conditions: [.expression(contains)], body: [], elseBranch: nil, range: none))
    XCTAssertEqual(ASTPrinter.print([statement], indent: ""), "if (xs.contains { $0 }) {}")
    let reparsed = SwiftParser.parseStatements("if (xs.contains { $0 }) {}")
    XCTAssertEqual(reparsed.diagnostics, [])
    XCTAssertEqual(Condition.expression(contains).swiftSource, "(xs.contains { $0 })")
  }

  // MARK: - Statements

  func testStatementsAndIndentation() throws {
    let source = """
      var s = 0.0
      outer: for (i, x) in xs.enumerated() where x > 0 {
        if x > 1, let y = f(x) {
          s += y
        } else if case .some(let z) = g(x) {
          s -= z
        } else {
          continue outer
        }
      }
      guard s > 0 else {
        throw E.negative
      }
      while s > 1 {
        s /= 2
      }
      repeat {
        s *= 3
      } while s < 10
      switch k {
      case .a, .b:
        break
      case let .c(u):
        print(u)
        fallthrough
      default:
        return s
      }
      do {
        try f()
      } catch let e as MyError {
        print(e)
      } catch {}
      defer {
        cleanup()
      }
      func square(_ x: Double) -> Double {
        x * x
      }
      struct Local { var x = 1 }
      _ = (a, b)
      """
    XCTAssertEqual(ASTPrinter.print(try parseBody(source), indent: ""), source)
    let indented = ASTPrinter.print(try parseBody("if a {\nb()\n}"), indent: "\t")
    XCTAssertEqual(indented, "\tif a {\n\t  b()\n\t}")
    XCTAssertEqual(ASTPrinter.print([], indent: "  "), "")
  }

  func testVariableDeclarations() throws {
    XCTAssertEqual(try printed("@State private var (a, b): (Int, Int) = (1, 2), c = 3"), "@State private var (a, b): (Int, Int) = (1, 2), c = 3")
    XCTAssertEqual(try printed("var y: Double { x * 2 }"), "var y: Double { x * 2 }")
    XCTAssertEqual(try printed("let x:Int"), "let x: Int")
  }

  // MARK: - Declarations, types, patterns, conditions

  func testFunctionDeclarations() throws {
    let cases = [
      "@Differentiable public func f<T>(_ x: T, y: inout [T], z: Double... = 1) async throws -> T where T: P {\n  x\n}",
      "static func + (l: V, r: V) -> V {\n  V(l.x + r.x)\n}",
      "init?(x: Double) {\n  self.x = x\n}",
      "func requirement() -> Int",
      "func `default`() {}",
    ]
    for source in cases {
      XCTAssertEqual(ASTPrinter.print(try parseFunction(source), indent: ""), source)
    }
    XCTAssertEqual(ASTPrinter.print(try parseFunction("func f() { g() }"), indent: "  "), "  func f() {\n    g()\n  }")
  }

  func testTypes() {
    XCTAssertEqual(TypeSyntax.optional(.function("(Int) -> Int")).swiftSource, "((Int) -> Int)?")
    XCTAssertEqual(TypeSyntax.optional(.other("some P")).swiftSource, "(some P)?")
    XCTAssertEqual(TypeSyntax.optional(.other("P & Q")).swiftSource, "(P & Q)?")
    XCTAssertEqual(TypeSyntax.implicitlyUnwrappedOptional(.array(.named("Int"))).swiftSource, "[Int]!")
    XCTAssertEqual(TypeSyntax.dictionary(key: .named("String"), value: .optional(.named("Int"))).swiftSource, "[String: Int?]")
    XCTAssertEqual(
      TypeSyntax.tuple([TupleTypeElement(label: "a", type: .named("Int")), TupleTypeElement(label: nil, type: .named("B"))]).swiftSource,
      "(a: Int, B)")
    XCTAssertEqual(TypeSyntax.tuple([]).swiftSource, "()")
    XCTAssertEqual(TypeSyntax.inout(.named("Double")).swiftSource, "inout Double")
    XCTAssertEqual(TypeSyntax.optional(.other("T.Type")).swiftSource, "T.Type?")
  }

  func testPatternsAndConditions() {
    let pattern = Pattern.tuple(
      elements: [
        TuplePatternElement(label: "x", pattern: .identifier(name: "a", range: none)),
        TuplePatternElement(label: nil, pattern: .wildcard(range: none)),
      ], range: none)
    XCTAssertEqual(pattern.swiftSource, "(x: a, _)")
    XCTAssertEqual(Pattern.typed(.identifier(name: "x", range: none), type: .named("Int"), range: none).swiftSource, "x: Int")
    XCTAssertEqual(Pattern.other(text: "case let x?", boundNames: ["x"], range: none).swiftSource, "case let x?")
    XCTAssertEqual(
      Condition.optionalBinding(isVariable: true, pattern: .identifier(name: "x", range: none), type: .named("Int"), value: name("y"), range: none)
        .swiftSource, "var x: Int = y")
    XCTAssertEqual(
      Condition.optionalBinding(isVariable: false, pattern: .identifier(name: "x", range: none), type: nil, value: nil, range: none).swiftSource,
      "let x")
    XCTAssertEqual(Condition.casePattern(text: "case .a = x", boundNames: [], range: none).swiftSource, "case .a = x")
    XCTAssertEqual(Condition.availability(text: "#available(iOS 17, *)", range: none).swiftSource, "#available(iOS 17, *)")
  }

  func testSynthesizedAssignmentsAndReturns() {
    let statements: [Statement] = [
      .assignment(target: name("x"), operator: "+=", value: binary("*", name("a"), name("b")), range: none),
      .assignment(
        target: .ternary(condition: name("c"), then: name("a"), else: name("b"), range: none), operator: "=", value: integer("1"),
        range: none),
      .return(nil, range: none),
      .return(.try(call(name("f")), kind: .forced, range: none), range: none),
      .break(label: "outer", range: none),
      .throw(name("e"), range: none),
    ]
    XCTAssertEqual(
      ASTPrinter.print(statements, indent: ""),
      "x += a * b\nc ? a : b = 1\nreturn\nreturn try! f()\nbreak outer\nthrow e")
  }
}
