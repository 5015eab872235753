import XCTest
@testable import ZygoteTransform

/// Parser tests: each construct of the grammar, checked on the AST (directly or through the
/// printer's canonical output), operator precedence, and the round trip
/// parse → print → parse, which must give the same tree up to source ranges.
final class ParserTests: XCTestCase {
  // MARK: - Declarations

  func testFunctionDeclarationWithEverything() throws {
    let source = """
      // leading comment
      @Differentiable
      @inlinable public static func + <T: BinaryFloatingPoint>(lhs: inout Vector<T>, _ rhs: Vector<T>..., \
      scale s: T = 1.0, f: @escaping (T) -> T) async throws(MyError) -> [Array<Array<T>>]? \
      where T: Sendable, T.Magnitude == T {
        return lhs
      }
      """
    let function = try parseFunction(source)
    XCTAssertEqual(function.attributes.map(\.name), ["Differentiable", "inlinable"])
    XCTAssertEqual(function.modifiers, ["public", "static"])
    XCTAssertEqual(function.name, "+")
    XCTAssertEqual(function.genericParameters, "<T: BinaryFloatingPoint>")
    XCTAssertEqual(function.parameters.count, 4)
    XCTAssertEqual(function.parameters[0].label, nil)
    XCTAssertEqual(function.parameters[0].name, "lhs")
    XCTAssertEqual(function.parameters[0].type, .inout(.named("Vector<T>")))
    XCTAssertEqual(function.parameters[1].label, "_")
    XCTAssertEqual(function.parameters[1].callLabel, nil)
    XCTAssertTrue(function.parameters[1].isVariadic)
    XCTAssertEqual(function.parameters[2].label, "scale")
    XCTAssertEqual(function.parameters[2].name, "s")
    XCTAssertEqual(function.parameters[2].defaultValue, "1.0")
    XCTAssertEqual(function.parameters[3].type, .function("@escaping (T) -> T"))
    XCTAssertEqual(function.effects, "async throws(MyError)")
    XCTAssertEqual(function.resultType, .optional(.array(.named("Array<Array<T>>"))))
    XCTAssertEqual(function.whereClause, "where T: Sendable, T.Magnitude == T")
    XCTAssertEqual(function.body?.count, 1)
    XCTAssertEqual(text(of: function.nameRange, in: source), "+")
    XCTAssertEqual(text(of: function.range, in: source).prefix(15), "@Differentiable")
    XCTAssertTrue(text(of: function.range, in: source).hasSuffix("}"))
  }

  func testFunctionEffectsAndModifiers() throws {
    XCTAssertEqual(try parseFunction("func f() rethrows {}").effects, "rethrows")
    XCTAssertEqual(try parseFunction("func f() async {}").effects, "async")
    XCTAssertEqual(try parseFunction("func f() throws -> Int { 1 }").effects, "throws")
    XCTAssertEqual(try parseFunction("mutating func f() {}").modifiers, ["mutating"])
    XCTAssertEqual(try parseFunction("private(set) nonisolated func f() {}").modifiers, ["private(set)", "nonisolated"])
    XCTAssertEqual(try parseFunction("class func f() {}").modifiers, ["class"])
    XCTAssertNil(try parseFunction("func f(x: Int) -> Int").body)
    XCTAssertEqual(try parseFunction("func `default`() {}").name, "default")
    XCTAssertEqual(try parseFunction("prefix func - (x: V) -> V { x }").name, "-")
    XCTAssertEqual(try parseFunction("static func == (l: V, r: V) -> Bool { true }").name, "==")
    let initializer = try parseFunction("init?(x: Double) { self.x = x }")
    XCTAssertEqual(initializer.name, "init?")
  }

  func testParameterLabelsAndTypes() throws {
    let function = try parseFunction(
      "func f(in x: [Double], for y: [String: Int], _ z: (a: Double, b: Double), w: Double!, v: Int.Type, u: some P, t: any P & Q, s: ((Int) -> Int)?) {}"
    )
    let types = function.parameters.map(\.type)
    XCTAssertEqual(function.parameters.map(\.label), ["in", "for", "_", nil, nil, nil, nil, nil])
    XCTAssertEqual(types[0], .array(.named("Double")))
    XCTAssertEqual(types[1], .dictionary(key: .named("String"), value: .named("Int")))
    XCTAssertEqual(
      types[2], .tuple([TupleTypeElement(label: "a", type: .named("Double")), TupleTypeElement(label: "b", type: .named("Double"))]))
    XCTAssertEqual(types[3], .implicitlyUnwrappedOptional(.named("Double")))
    XCTAssertEqual(types[4], .other("Int.Type"))
    XCTAssertEqual(types[5], .other("some P"))
    XCTAssertEqual(types[6], .other("any P & Q"))
    XCTAssertEqual(types[7], .optional(.function("(Int) -> Int")))
  }

  func testTypeShapes() throws {
    XCTAssertEqual(try parseType("(Double)"), .named("Double"))
    XCTAssertEqual(try parseType("()"), .tuple([]))
    XCTAssertEqual(try parseType("[[Double]]?"), .optional(.array(.array(.named("Double")))))
    XCTAssertEqual(try parseType("Swift.Double"), .named("Swift.Double"))
    XCTAssertEqual(try parseType("Array<Int>?"), .optional(.named("Array<Int>")))
    XCTAssertEqual(try parseType("Dictionary<String, Array<Int>>"), .named("Dictionary<String, Array<Int>>"))
    XCTAssertEqual(try parseType("[Array<Int?>]"), .array(.named("Array<Int?>")))
    XCTAssertEqual(try parseType("(Int, Double) async throws -> Bool"), .function("(Int, Double) async throws -> Bool"))
    XCTAssertEqual(try parseType("P & Q"), .other("P & Q"))
    XCTAssertEqual(try parseType("~Copyable"), .other("~Copyable"))
  }

  func testStructDeclaration() throws {
    let source = """
      @DifferentiableStruct
      public struct Layer<T>: Differentiable, Sendable where T: Numeric {
        var weight: Tensor<T>
        @NoDerivative let name: String = "dense"
        var (a, b): (Double, Double)
        var count: Int { weight.count }
        var observed = 0 { didSet { print(observed) } }
        static let zero = Layer()
        init(weight: Tensor<T>) { self.weight = weight; self.name = "x"; self.a = 0; self.b = 0 }
        func callAsFunction(_ x: Tensor<T>) -> Tensor<T> { matmul(weight, x) }
        mutating func reset() {}
        struct Nested {}
        enum Kind { case a, b(Int)
          indirect case c(Kind) }
        #if DEBUG
        var debug = true
        #endif
        subscript(i: Int) -> T { weight[i] }
        typealias Scalar = T
      }
      """
    let (declaration, diagnostics) = SwiftParser.parseDeclaration(source)
    XCTAssertEqual(diagnostics, [])
    guard case .type(let type) = declaration else { return XCTFail("not a type: \(String(describing: declaration))") }
    XCTAssertEqual(type.kind, "struct")
    XCTAssertEqual(type.name, "Layer")
    XCTAssertEqual(type.attributes.map(\.name), ["DifferentiableStruct"])
    XCTAssertEqual(type.modifiers, ["public"])
    XCTAssertEqual(type.genericParameters, "<T>")
    XCTAssertEqual(type.inheritance, ["Differentiable", "Sendable"])
    XCTAssertEqual(type.whereClause, "where T: Numeric")
    XCTAssertEqual(type.properties.map(\.name), ["weight", "name", "a", "b", "count", "observed", "zero"])
    XCTAssertEqual(type.properties[0].type, .named("Tensor<T>"))
    XCTAssertEqual(type.properties[1].attributes.map(\.name), ["NoDerivative"])
    XCTAssertEqual(type.properties[1].isVariable, false)
    XCTAssertEqual(type.properties[1].initializer, "\"dense\"")
    XCTAssertEqual(type.properties[4].hasAccessors, true)
    XCTAssertEqual(type.properties[5].hasAccessors, true)
    XCTAssertEqual(type.properties[6].modifiers, ["static"])
    XCTAssertEqual(type.functions.map(\.name), ["callAsFunction", "reset"])
    XCTAssertTrue(type.hasInitializer)
  }

  func testExtensionAndOtherDeclarations() throws {
    let (declaration, diagnostics) = SwiftParser.parseDeclaration("extension Array: P where Element == Double { func f() {} }")
    XCTAssertEqual(diagnostics, [])
    guard case .type(let type) = declaration else { return XCTFail() }
    XCTAssertEqual(type.kind, "extension")
    XCTAssertEqual(type.name, "Array")
    XCTAssertEqual(type.inheritance, ["P"])
    XCTAssertEqual(type.whereClause, "where Element == Double")
    XCTAssertEqual(type.functions.map(\.name), ["f"])

    let (alias, aliasDiagnostics) = SwiftParser.parseDeclaration("typealias F = (Double) -> Double")
    XCTAssertEqual(aliasDiagnostics, [])
    XCTAssertEqual(alias, .other(text: "typealias F = (Double) -> Double", range: SourceRange(start: 0, end: 32)))

    let (variable, variableDiagnostics) = SwiftParser.parseDeclaration("@Foo var x: Double = 1, y = 2")
    XCTAssertEqual(variableDiagnostics, [])
    guard case .variable(let declaration) = variable else { return XCTFail() }
    XCTAssertEqual(declaration.bindings.count, 2)
    XCTAssertEqual(declaration.attributes.map(\.name), ["Foo"])
  }

  func testAttributeArguments() throws {
    let function = try parseFunction("@Adjoint(of: add) @inline(__always) @Zygote.Differentiable func f() {}")
    XCTAssertEqual(function.attributes.map(\.name), ["Adjoint", "inline", "Zygote.Differentiable"])
    XCTAssertEqual(function.attributes.map(\.arguments), ["of: add", "__always", nil])
  }

  // MARK: - Statements

  func testVariableDeclarations() throws {
    let statements = try parseBody("let x = 1, y: Double = 2\nvar (a, b) = (1, 2)\nvar (q: c, r: _): (q: Int, r: Int)\nlazy var z = f()")
    guard case .variable(let first) = statements[0] else { return XCTFail() }
    XCTAssertFalse(first.isVariable)
    XCTAssertEqual(first.bindings.map(\.pattern.swiftSource), ["x", "y"])
    XCTAssertEqual(first.bindings[1].type, .named("Double"))
    guard case .variable(let second) = statements[1] else { return XCTFail() }
    XCTAssertTrue(second.isVariable)
    XCTAssertEqual(
      stripped(second.bindings[0].pattern),
      .tuple(
        elements: [
          TuplePatternElement(label: nil, pattern: .identifier(name: "a", range: .synthesized)),
          TuplePatternElement(label: nil, pattern: .identifier(name: "b", range: .synthesized)),
        ], range: .synthesized))
    guard case .variable(let third) = statements[2] else { return XCTFail() }
    XCTAssertEqual(third.bindings[0].pattern.swiftSource, "(q: c, r: _)")
    guard case .variable(let fourth) = statements[3] else { return XCTFail() }
    XCTAssertEqual(fourth.modifiers, ["lazy"])
  }

  func testAssignments() throws {
    for spelling in ["=", "+=", "-=", "*=", "/=", "%=", "<<=", ">>=", "&=", "|=", "^=", "&+="] {
      let statements = try parseBody("a.b[0] \(spelling) c * d")
      guard case .assignment(let target, let op, let value, _) = try XCTUnwrap(statements.first) else {
        return XCTFail("\(spelling) is not an assignment")
      }
      XCTAssertEqual(op, spelling)
      XCTAssertEqual(target.swiftSource, "a.b[0]")
      XCTAssertEqual(value.swiftSource, "c * d")
    }
    XCTAssertEqual(try printed("_ = f()"), "_ = f()")
    XCTAssertEqual(try printed("(a, b) = (b, a)"), "(a, b) = (b, a)")
    XCTAssertEqual(try printed("x = try f() + 1"), "x = try f() + 1")
    XCTAssertEqual(try printed("x = y == z ? 1 : 2"), "x = y == z ? 1 : 2")
  }

  func testIfStatements() throws {
    let statements = try parseBody(
      "if x > 0, let y = f(x), var z: Int = g(), let w, case .some(let v) = o, #available(macOS 14, *) { a() } else if b { c() } else { d() }"
    )
    guard case .if(let statement) = statements.first else { return XCTFail() }
    XCTAssertEqual(statement.conditions.count, 6)
    XCTAssertEqual(statement.conditions.map(\.swiftSource), [
      "x > 0", "let y = f(x)", "var z: Int = g()", "let w", "case .some(let v) = o", "#available(macOS 14, *)",
    ])
    guard case .casePattern(_, let names, _) = statement.conditions[4] else { return XCTFail() }
    XCTAssertEqual(names, ["v"])
    guard case .optionalBinding(_, _, _, let value, _) = statement.conditions[3] else { return XCTFail() }
    XCTAssertNil(value)
    guard case .elseIf(let nested) = statement.elseBranch, case .block(let last) = nested.elseBranch else {
      return XCTFail()
    }
    XCTAssertEqual(last.count, 1)
  }

  func testTrailingClosureIsNotTakenInConditions() throws {
    XCTAssertEqual(try printed("if x { y() }"), "if x {\n  y()\n}")
    XCTAssertEqual(try printed("while a.b { c() }"), "while a.b {\n  c()\n}")
    XCTAssertEqual(try printed("guard f(x) else { return }"), "guard f(x) else {\n  return\n}")
    XCTAssertEqual(try printed("for x in xs { y() }"), "for x in xs {\n  y()\n}")
    XCTAssertEqual(try printed("switch s { default: break }"), "switch s {\ndefault:\n  break\n}")
    XCTAssertEqual(
      try printed("if xs.contains(where: { $0 > 1 }) { y() }"), "if xs.contains(where: { $0 > 1 }) {\n  y()\n}")
    XCTAssertEqual(try printed("if (xs.contains { $0 > 1 }) { y() }"), "if (xs.contains { $0 > 1 }) {\n  y()\n}")
    XCTAssertEqual(try printed("if f(xs.map { $0 }) { }"), "if f(xs.map { $0 }) {}")
  }

  func testLoops() throws {
    let statements = try parseBody(
      """
      outer: for (i, x) in xs.enumerated() where x > 0 { continue outer }
      for case let .some(y) in ys { break }
      for try await line in lines {}
      for _ in 0..<n {}
      while i < n, let x = next() { i += 1 }
      repeat { i -= 1 } while i > 0
      loop: repeat { break loop } while true
      """)
    guard case .forIn(let label, let pattern, let sequence, let filter, let body, _) = statements[0] else { return XCTFail() }
    XCTAssertEqual(label, "outer")
    XCTAssertEqual(pattern.swiftSource, "(i, x)")
    XCTAssertEqual(sequence.swiftSource, "xs.enumerated()")
    XCTAssertEqual(filter?.swiftSource, "x > 0")
    XCTAssertEqual(stripped(body), [.continue(label: "outer", range: .synthesized)])
    guard case .forIn(_, .other(let text, let names, _), _, _, _, _) = statements[1] else { return XCTFail() }
    XCTAssertEqual(text, "case let .some(y)")
    XCTAssertEqual(names, ["y"])
    guard case .forIn(_, .other(let text2, let names2, _), _, _, _, _) = statements[2] else { return XCTFail() }
    XCTAssertEqual(text2, "try await line")
    XCTAssertEqual(names2, ["line"])
    guard case .forIn(_, .wildcard, let range, _, _, _) = statements[3] else { return XCTFail() }
    XCTAssertEqual(range.swiftSource, "0 ..< n")
    guard case .while(nil, let conditions, _, _) = statements[4] else { return XCTFail() }
    XCTAssertEqual(conditions.count, 2)
    guard case .repeatWhile(nil, _, let condition, _) = statements[5] else { return XCTFail() }
    XCTAssertEqual(condition.swiftSource, "i > 0")
    guard case .repeatWhile("loop", _, _, _) = statements[6] else { return XCTFail() }
  }

  func testSwitch() throws {
    let statements = try parseBody(
      """
      switch value {
      case .a, .b where flag:
        f()
        fallthrough
      case let .c(x, y), .d(let x, let y):
        g(x, y)
      case (0, let z), (let z, 0):
        h(z)
      case 1...5, is Int:
        break
      case let s as String:
        print(s)
      case .e(label: let q?):
        print(q)
      case UInt8(ascii: "a")...UInt8(ascii: "z"), .f(0):
        break
      @unknown default:
        break
      }
      """)
    guard case .switch(nil, let subject, let cases, _) = statements.first else { return XCTFail() }
    XCTAssertEqual(subject.swiftSource, "value")
    XCTAssertEqual(cases.map(\.patternText), [
      ".a, .b where flag", "let .c(x, y), .d(let x, let y)", "(0, let z), (let z, 0)", "1...5, is Int",
      "let s as String", ".e(label: let q?)", "UInt8(ascii: \"a\")...UInt8(ascii: \"z\"), .f(0)", nil,
    ])
    XCTAssertEqual(cases.map(\.boundNames), [[], ["x", "y"], ["z"], [], ["s"], ["q"], [], []])
    XCTAssertEqual(cases[0].body.count, 2)
    XCTAssertEqual(stripped(cases[0].body[1]), .fallthrough(range: .synthesized))
  }

  func testControlTransferAndOtherStatements() throws {
    let statements = try parseBody(
      """
      return
      return x + 1
      break
      continue label
      throw MyError.bad
      defer { cleanup() }
      do { try f() } catch MyError.bad(let code) where code > 1 { } catch { print(error) }
      func nested<T>(_ t: T) -> T { t }
      struct Local { var x = 1 }
      #if DEBUG
      print("debug")
      #endif
      """)
    XCTAssertEqual(stripped(statements[0]), .return(nil, range: .synthesized))
    guard case .return(let value?, _) = statements[1] else { return XCTFail() }
    XCTAssertEqual(value.swiftSource, "x + 1")
    XCTAssertEqual(stripped(statements[2]), .break(label: nil, range: .synthesized))
    XCTAssertEqual(stripped(statements[3]), .continue(label: "label", range: .synthesized))
    guard case .throw = statements[4], case .defer = statements[5] else { return XCTFail() }
    guard case .do(nil, let body, let catches, _) = statements[6] else { return XCTFail() }
    XCTAssertEqual(body.count, 1)
    XCTAssertEqual(catches.map(\.patternText), ["MyError.bad(let code) where code > 1", nil])
    guard case .function(let function) = statements[7] else { return XCTFail() }
    XCTAssertEqual(function.name, "nested")
    XCTAssertEqual(function.genericParameters, "<T>")
    guard case .other("struct Local { var x = 1 }", _) = statements[8] else { return XCTFail() }
    guard case .other(let conditional, _) = statements[9] else { return XCTFail() }
    XCTAssertEqual(conditional, "#if DEBUG\nprint(\"debug\")\n#endif")
    XCTAssertEqual(statements.count, 10)
  }

  func testStatementSeparators() throws {
    XCTAssertEqual(try parseBody("a(); b(); ;c()").count, 3)
    XCTAssertEqual(try parseBody("let x = y\n-z").count, 2, "a prefix operator on a new line starts a statement")
    XCTAssertEqual(try parseBody("let x = y\n  - z").count, 1, "a binary operator on a new line continues")
    XCTAssertEqual(try parseBody("let x = f\n(a, b) = (1, 2)").count, 2, "a '(' on a new line is not a call")
    XCTAssertEqual(try printed("let x = xs\n  .map { $0 }\n  .filter { $0 > 0 }"), "let x = xs.map { $0 }.filter { $0 > 0 }")
  }

  func testIfAndSwitchExpressionsAreKeptAsText() throws {
    let statements = try parseBody("let x = if c { 1 } else { 2 }\nlet y = switch k { case 1: \"a\"\ndefault: \"b\" }")
    guard case .variable(let first) = statements[0], case .unknown(let text, _)? = first.bindings[0].initializer else {
      return XCTFail()
    }
    XCTAssertEqual(text, "if c { 1 } else { 2 }")
    guard case .variable(let second) = statements[1], case .unknown(let text2, _)? = second.bindings[0].initializer else {
      return XCTFail()
    }
    XCTAssertEqual(text2, "switch k { case 1: \"a\"\ndefault: \"b\" }")
  }

  func testComputedLocalVariable() throws {
    let statements = try parseBody("var y: Double { x * 2 }\nvar z = 1 { willSet { } }")
    guard case .variable(let first) = statements[0], case .variable(let second) = statements[1] else { return XCTFail() }
    XCTAssertEqual(first.bindings[0].accessors, "{ x * 2 }")
    XCTAssertEqual(second.bindings[0].accessors, "{ willSet { } }")
    XCTAssertEqual(second.bindings[0].initializer?.swiftSource, "1")
  }

  // MARK: - Expressions

  func testPrecedence() throws {
    let cases: [(String, String)] = [
      ("a + b * c", "(a + (b * c))"),
      ("a * b + c", "((a * b) + c)"),
      ("a - b - c", "((a - b) - c)"),
      ("a ?? b ?? c", "(a ?? (b ?? c))"),
      ("a || b && c", "(a || (b && c))"),
      ("a && b || c", "((a && b) || c)"),
      ("a == b && c != d", "((a == b) && (c != d))"),
      ("a < b + c", "(a < (b + c))"),
      ("a ?? b == c", "((a ?? b) == c)"),
      ("a ..< b + 1", "(a ..< (b + 1))"),
      ("a << b * c", "((a << b) * c)"),
      ("a & b + c", "((a & b) + c)"),
      ("a | b * c", "(a | (b * c))"),
      ("a &+ b &* c", "(a &+ (b &* c))"),
      ("x as Double + 1", "((x as Double) + 1)"),
      ("a + b as Double", "((a + b) as Double)"),
      ("a == b as Int", "(a == (b as Int))"),
      ("x is Int && y", "((x is Int) && y)"),
      ("a ?? b as? Int", "(a ?? (b as? Int))"),
      ("c ? a : b ? d : e", "(c ? a : (b ? d : e))"),
      ("a || b ? c : d", "((a || b) ? c : d)"),
      ("a <> b + c", "(a <> (b + c))"),
      ("a <> b || c", "(a <> (b || c))"),  // default group: just above the ternary
      ("a ~= b", "(a ~= b)"),
      ("a === b", "(a === b)"),
      ("-a * b", "(-a * b)"),
      ("!a.b", "!a.b"),
      ("try a + b", "try (a + b)"),
      ("a + (try b)", "(a + (try b))"),
      ("await f() * 2", "await (f() * 2)"),
      ("a ... b", "(a ... b)"),
    ]
    for (source, expected) in cases {
      let expression = try parseExpression(source)
      XCTAssertEqual(Self.fullyParenthesized(expression), expected, source)
    }
  }

  func testOperatorWhitespaceRules() throws {
    XCTAssertEqual(Self.fullyParenthesized(try parseExpression("a+b")), "(a + b)")
    XCTAssertEqual(Self.fullyParenthesized(try parseExpression("a +b")), "(a + b)")
    XCTAssertEqual(Self.fullyParenthesized(try parseExpression("a-(-b)")), "(a - (-b))")
    XCTAssertEqual(try parseExpression("x!"), .forceUnwrap(.identifier(name: "x", range: .synthesized), range: .synthesized))
    XCTAssertEqual(
      try parseExpression("x?.y"),
      .member(base: .optionalChain(.identifier(name: "x", range: .synthesized), range: .synthesized), name: "y", range: .synthesized))
    XCTAssertEqual(
      try parseExpression("xs[1...]"),
      .subscript(
        base: .identifier(name: "xs", range: .synthesized),
        arguments: [
          Argument(
            label: nil,
            value: .postfixOperator(operator: "...", operand: .integerLiteral(text: "1", range: .synthesized), range: .synthesized),
            range: .synthesized)
        ], range: .synthesized))
    XCTAssertEqual(
      try parseExpression("..<n"),
      .prefixOperator(operator: "..<", operand: .identifier(name: "n", range: .synthesized), range: .synthesized))
    XCTAssertEqual(
      try parseExpression("f(&x)"),
      .call(
        callee: .identifier(name: "f", range: .synthesized),
        arguments: [
          Argument(
            label: nil, value: .prefixOperator(operator: "&", operand: .identifier(name: "x", range: .synthesized), range: .synthesized),
            range: .synthesized)
        ], trailingClosures: [], range: .synthesized))
    XCTAssertEqual(try parseExpression("a ? b : c"), try parseExpression("a ?b:c"))
  }

  func testPostfixAndPrimaryExpressions() throws {
    let cases: [(String, String)] = [
      ("f(a, b: c)", "f(a, b: c)"),
      ("a.b.c(d)[e]!.f?.g", "a.b.c(d)[e]!.f?.g"),
      ("t.0.1", "t.0.1"),
      ("Double.pi", "Double.pi"),
      ("x.init(y)", "x.init(y)"),
      (".zero", ".zero"),
      (".init(1)", ".init(1)"),
      ("d[k, default: 0]", "d[k, default: 0]"),
      ("(a, b)", "(a, b)"),
      ("(x: 1, y: 2)", "(x: 1, y: 2)"),
      ("(x: 1)", "(x: 1)"),
      ("()", "()"),
      ("((a))", "((a))"),
      ("[1, 2, 3,]", "[1, 2, 3]"),
      ("[:]", "[:]"),
      ("[\"a\": 1, \"b\": 2]", "[\"a\": 1, \"b\": 2]"),
      ("[]", "[]"),
      ("\\.x", "\\.x"),
      ("\\Point.x.y?[0]", "\\Point.x.y?[0]"),
      ("xs.map(\\.count)", "xs.map(\\.count)"),
      ("reduce(0, +)", "reduce(0, (+))"),
      ("(+)", "(+)"),
      ("`class`", "`class`"),
      ("$0 + $1", "$0 + $1"),
      ("self.x + super.y + Self.z", "self.x + super.y + Self.z"),
      ("nil ?? true", "nil ?? true"),
      ("_", "_"),
      ("Array<Double>(repeating: 0, count: n)", "Array<Double>(repeating: 0, count: n)"),
      ("Tensor<Float>.zeros([2])", "Tensor<Float>.zeros([2])"),
      ("[Double](repeating: 0, count: 3)", "[Double](repeating: 0, count: 3)"),
      ("fs[name]!(x)", "fs[name]!(x)"),
      ("x as? Double ?? 0", "x as? Double ?? 0"),
      ("x as! [Int]", "x as! [Int]"),
      ("try! f()", "try! f()"),
      ("try? await g()", "try? await g()"),
      ("#line", "#line"),
      ("#gradient(f, at: 1.0)", "#gradient(f, at: 1.0)"),
      ("#selector(foo)", "#selector(foo)"),
    ]
    for (source, expected) in cases {
      let (expression, diagnostics) = SwiftParser.parseExpression(source)
      XCTAssertEqual(diagnostics, [], source)
      XCTAssertEqual(expression?.swiftSource, expected, source)
    }
  }

  func testGenericArgumentsVersusComparison() throws {
    XCTAssertEqual(Self.fullyParenthesized(try parseExpression("a < b && c > d")), "((a < b) && (c > d))")
    XCTAssertEqual(try parseExpression("f(a < b, c > d)").swiftSource, "f(a < b, c > d)")
    guard case .call(.identifier("Array<Array<Int>>", _), [], [], _) = try parseExpression("Array<Array<Int>>()") else {
      return XCTFail()
    }
    guard case .call(let callee, _, _, _) = try parseExpression("f<T>(x)"), case .identifier("f<T>", _) = callee else {
      return XCTFail()
    }
  }

  func testLiterals() throws {
    for literal in ["0", "42", "1_000_000", "0x2A", "0xFF_FF", "0o17", "0b1010_1010"] {
      XCTAssertEqual(try parseExpression(literal), .integerLiteral(text: literal, range: .synthesized), literal)
    }
    for literal in ["1.5", "1e10", "1E-3", "2.5e+3", "1_0.0_1e1_0", "0x1p-2", "0x1.8p3", "0xA.Bp+1"] {
      XCTAssertEqual(try parseExpression(literal), .floatLiteral(text: literal, range: .synthesized), literal)
    }
    for literal in [
      "\"\"", "\"a\\n\\t\\\"\\u{1F600}\"", "\"a\\(x + \"b\")c\"", "#\"raw \\(x) \"quoted\"\"#", "##\"a\"#b\"##",
      "\"\"\"\n  multi\n  \"line\" \\(x)\n  \"\"\"", "#\"\"\"\n  raw multi \\#(y)\n  \"\"\"#",
    ] {
      XCTAssertEqual(try parseExpression(literal), .stringLiteral(text: literal, range: .synthesized), literal)
    }
    XCTAssertEqual(try parseExpression("true"), .booleanLiteral(value: true, range: .synthesized))
    XCTAssertEqual(try parseExpression("false"), .booleanLiteral(value: false, range: .synthesized))
    XCTAssertEqual(try parseExpression("nil"), .nilLiteral(range: .synthesized))
  }

  func testClosures() throws {
    let cases: [(String, String)] = [
      ("{ $0 * $0 }", "{ $0 * $0 }"),
      ("{ x in x * x }", "{ x in x * x }"),
      ("{ x, y in x + y }", "{ x, y in x + y }"),
      ("{ (x: Double, y) -> Double in x * y }", "{ (x: Double, y) -> Double in x * y }"),
      ("{ [weak self, x] in self?.f(x) }", "{ [weak self, x] in self?.f(x) }"),
      ("{ () async throws -> Int in 1 }", "{ () async throws -> Int in 1 }"),
      ("{ _ in }", "{ _ in }"),
      ("{ }", "{ }"),
      ("{ print(1) }", "{ print(1) }"),
      ("{ let y = 2\nreturn y }", "{\n  let y = 2\n  return y\n}"),
    ]
    for (source, expected) in cases {
      let (expression, diagnostics) = SwiftParser.parseExpression(source)
      XCTAssertEqual(diagnostics, [], source)
      XCTAssertEqual(expression?.swiftSource, expected, source)
    }
    guard case .closure(let closure) = try parseExpression("{ (a: Double, b: [Int]) -> Double in a }") else {
      return XCTFail()
    }
    XCTAssertTrue(closure.parametersParenthesized)
    XCTAssertEqual(closure.parameters.map(\.name), ["a", "b"])
    XCTAssertEqual(closure.parameters.map(\.type), [.named("Double"), .array(.named("Int"))])
    XCTAssertEqual(closure.resultType, .named("Double"))
  }

  func testTrailingClosures() throws {
    let expression = try parseExpression("items.sort { $0 < $1 } completion: { done() } failure: { _ in }")
    guard case .call(let callee, let arguments, let closures, _) = expression else { return XCTFail() }
    XCTAssertEqual(callee.swiftSource, "items.sort")
    XCTAssertEqual(arguments, [])
    XCTAssertEqual(closures.map(\.label), [nil, "completion", "failure"])
    XCTAssertEqual(try parseExpression("f(x) { $0 }").swiftSource, "f(x) { $0 }")
    XCTAssertEqual(try parseExpression("f() { $0 }").swiftSource, "f { $0 }")
    guard case .macroExpansion("gradient", let macroArguments, let macroClosures, _) = try parseExpression(
      "#gradient(Params([W, b])) { predict(x).sum() }")
    else { return XCTFail() }
    XCTAssertEqual(macroArguments.count, 1)
    XCTAssertEqual(macroClosures.count, 1)
  }

  func testRanges() throws {
    let source = "let y = foo(a, b: c + 1)"
    let statements = try parseBody(source)
    guard case .variable(let declaration) = statements[0], let value = declaration.bindings[0].initializer else {
      return XCTFail()
    }
    XCTAssertEqual(text(of: declaration.range, in: source), source)
    XCTAssertEqual(text(of: Parser.range(of: value), in: source), "foo(a, b: c + 1)")
    guard case .call(_, let arguments, _, _) = value else { return XCTFail() }
    XCTAssertEqual(text(of: arguments[1].range, in: source), "b: c + 1")
    XCTAssertEqual(text(of: Parser.range(of: arguments[1].value), in: source), "c + 1")
    // Offsets count UTF-8 bytes.
    let unicode = "let é = \"ü\" + x"
    guard case .variable(let unicodeDeclaration) = try parseBody(unicode)[0],
      case .binaryOperator(_, _, let right, _)? = unicodeDeclaration.bindings[0].initializer
    else { return XCTFail() }
    XCTAssertEqual(Parser.range(of: right), SourceRange(start: 16, end: 17))
  }

  func testSourceFileLinesAndColumns() {
    let file = SourceFile("ab\ncd\r\nef\rg")
    XCTAssertEqual(file.lineAndColumn(ofUTF8Offset: 0).line, 1)
    XCTAssertEqual(file.lineAndColumn(ofUTF8Offset: 1).column, 2)
    XCTAssertEqual(file.lineAndColumn(ofUTF8Offset: 3).line, 2)
    XCTAssertEqual(file.lineAndColumn(ofUTF8Offset: 4).column, 2)
    XCTAssertEqual(file.lineAndColumn(ofUTF8Offset: 7).line, 3)
    XCTAssertEqual(file.lineAndColumn(ofUTF8Offset: 10).line, 4)
    XCTAssertEqual(file.lineAndColumn(ofUTF8Offset: 999).line, 4)
    XCTAssertEqual(file.lineAndColumn(ofUTF8Offset: -5).line, 1)
  }

  /// Constructs found in real code bases (swift-syntax, swift-nio, swift-collections,
  /// swift-argument-parser, ...), which must parse without diagnostics.
  func testConstructsFromRealCode() throws {
    let statements = try parseBody(
      """
      let f = xs.map(String.init(describing:)).compactMap(Int.init(_:))
      let t = (any Error).self
      let g = unsafeBitCast(raw, to: (@convention(thin) (Int) -> Int).self)
      let r = #/a+b/#
      let s = text.contains(/[a-z]+/)
      let q = a / b / c
      async let task = fetch()
      var output = unsafe OutputSpan(buffer: raw, initializedCount: 0)
      discard self
      let h = { @Sendable (x: Int) -> Int in x }
      Task { @MainActor in update() }
      for (var i, x) in pairs { i += x }
      switch k {
      case let a where a.contains { $0 > 1 }, .b where c:
        break
      case .failure(is MyError):
        break
      default:
        break
      }
      do {
        try run()
      } catch Tree<Command.Type>.InitializationError
        .recursive(let command)
      {
        print(command)
      }
      return { timer in timer.start() }
      """)
    guard statements.count == 15 else { return XCTFail("\(statements.count) statements") }
    guard case .variable(let first) = statements[0], let value = first.bindings[0].initializer else { return XCTFail() }
    XCTAssertEqual(value.swiftSource, "xs.map(String.init(describing:)).compactMap(Int.init(_:))")
    guard case .variable(let regex) = statements[3], case .unknown("#/a+b/#", _)? = regex.bindings[0].initializer else {
      return XCTFail()
    }
    guard case .variable(let division) = statements[5] else { return XCTFail() }
    XCTAssertEqual(division.bindings[0].initializer?.swiftSource, "a / b / c")
    guard case .variable(let async) = statements[6] else { return XCTFail() }
    XCTAssertEqual(async.modifiers, ["async"])
    guard case .variable(let attributed) = statements[9], case .unknown(let closureText, _)? = attributed.bindings[0].initializer
    else { return XCTFail() }
    XCTAssertEqual(closureText, "{ @Sendable (x: Int) -> Int in x }", "closure attributes are kept by keeping the text")
    guard case .expression(.unknown("Task { @MainActor in update() }", _)) = statements[10] else { return XCTFail() }
    guard case .forIn(_, let pattern, _, _, _, _) = statements[11] else { return XCTFail() }
    XCTAssertEqual(pattern.swiftSource, "(var i, x)")
    guard case .switch(_, _, let cases, _) = statements[12] else { return XCTFail() }
    XCTAssertEqual(cases[0].patternText, "let a where a.contains { $0 > 1 }, .b where c")
    XCTAssertEqual(cases[0].boundNames, ["a"])
    guard case .do(_, _, let catches, _) = statements[13] else { return XCTFail() }
    XCTAssertEqual(catches[0].patternText, "Tree<Command.Type>.InitializationError\n  .recursive(let command)")
    guard case .return(.closure?, _) = statements[14] else { return XCTFail() }
  }

  func testDeclarationsFromRealCode() throws {
    let (declaration, diagnostics) = SwiftParser.parseDeclaration(
      """
      @MyOptionSet<UInt8>
      struct S<Base> {
        typealias Unary = (Int, inout Double) throws ->
          Void
        typealias RangeType<Bound> = Range<Bound> where Bound: Strideable
        static subscript<Value>(_ key: Key, as _: Value.Type) -> Value?
        where Value: LosslessStringConvertible
        {
          nil
        }
        enum Message: String {
          case long =
            "a long raw value on the next line"
          case a, b,
            c
        }
        @Option(name: .long, transform: { $0.uppercased() })
        var name: String
        deinit {}
      }
      """)
    XCTAssertEqual(diagnostics, [])
    guard case .type(let type) = declaration else { return XCTFail() }
    XCTAssertEqual(type.attributes.map(\.name), ["MyOptionSet<UInt8>"])
    XCTAssertEqual(type.properties.map(\.name), ["name"])
    XCTAssertEqual(type.properties[0].attributes.map(\.arguments), ["name: .long, transform: { $0.uppercased() }"])
  }

  func testSwitchWithConditionalCompilationAmongCasesIsKeptAsText() throws {
    let source = "switch x {\ncase 1:\n  a()\n#if DEBUG\ncase 2:\n  b()\n#endif\ndefault:\n  break\n}"
    let statements = try parseBody(source)
    XCTAssertEqual(stripped(statements), [.other(text: source, range: .synthesized)])
  }

  // MARK: - Round trips

  /// Snippets of valid Swift covering the grammar; also the fuzz corpus.
  static let corpus: [String] = [
    "let x = a + b * c - d / e % f",
    "var s = 0.0\nfor i in 0..<n where i % 2 == 0 { s += Double(i) * x }\nreturn s",
    "if x > 0, let y = f(x) { return y } else if case .some(let z) = w { return z } else { return -x }",
    "guard let a = a, a.count == e.count else { return false }\nreturn zip(a, e).allSatisfy { close($0, $1, 1e-6) }",
    "switch k {\ncase .a, .b where q:\n  break\ncase let .c(u, v):\n  r = u * v\n  fallthrough\ndefault:\n  r = -x\n}",
    "let ys = xs.map { $0 * 2 }.filter { x in x > 1 }.reduce(0, +)",
    "let g = #gradient({ (a: Double, c: Double) in add(a, c) * a }, at: 3.0, 2.0)",
    "let g = #gradient(Params([W, b])) { predict(Tensor([1, 2, 3])).sum() }",
    "var W = Tensor<Double>(shape: [2, 3], scalars: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6])",
    "let fs: [String: DifferentiableFunction<Double, Double>] = [\"sin\": #differentiable(sin), \"cos\": #differentiable(cos)]",
    "for (name, expected) in [(\"sin\", cos(1.0)), (\"tan\", 1 / (cos(1.0) * cos(1.0)))] {\n  let g = #gradient({ x in fs[name]!(x) }, at: 1.0)\n  check(\"f: \\(name)\", close(g, expected))\n}",
    "func close(_ a: Double, _ b: Double, _ tol: Double = 1e-9) -> Bool { abs(a - b) <= tol * max(1, abs(b)) }",
    "@Differentiable\nfunc f(_ x: Double) -> Double { 5 * x + 3 }",
    "@Adjoint(of: add)\nfunc addAdjoint(_ a: Double, _ b: Double) -> (value: Double, pullback: (Double) -> (Double, Double)) {\n  (add(a, b), { d in (d, d) })\n}",
    "repeat {\n  i -= 1\n  if i == 3 { continue }\n} while i > 0 && !done",
    "outer: while true {\n  inner: for j in js {\n    if j < 0 { break outer }\n    continue inner\n  }\n}",
    "do {\n  try f()\n  let v = try? g() ?? 0\n} catch let e as MyError where e.code > 1 {\n  throw e\n} catch {\n  print(error)\n}",
    "defer { count -= 1 }\nlet t = (x: 1.0, y: 2.0)\nlet (p, q) = t\n_ = p + t.x + t.1",
    "let m = a ? b : c ? d : e\nlet n = -x.y! + (y ?? 0) * z[0][1]",
    "let k = x as? Double ?? 0\nlet isInt = v is Int\nlet w = v as! [Int]",
    "let s = \"a\\(x + \"b\")c\" + #\"raw \\n\"#\nlet m = \"\"\"\n  line \\(x)\n  \"\"\"",
    "let h = 0x1.8p3 + 1_000.5e-3 + Double(0b1010) + Double(0o17)",
    "items.sort { $0 < $1 } completion: { done() }",
    "let c = { [weak self] (a: Int, b: Int) async throws -> Int in\n  let z = a * b\n  return z + (self?.k ?? 0)\n}",
    "let kp = \\Point.x\nlet xs2 = pts.map(\\.y)",
    "if #available(macOS 14, *) { f() }",
    "func nested<T: Numeric>(_ t: inout T, _ rest: T...) where T: Comparable { t += rest.reduce(0, +) }",
    "struct S: Differentiable { var x: Double; let y: Double = 2 }",
    "#if DEBUG\nprint(\"debug\")\n#else\nprint(\"release\")\n#endif",
    "x = if c { 1 } else { 2 }",
    "let big = [1: \"a\", 2: \"b\"]\nlet empty: [Int: Int] = [:]\nlet arr: [[Double]] = [[1, 2], [3]]",
    "lhs.value = lhs.value &+ rhs.value << 2 | mask & ~flags",
    "while let next = iterator.next(), next.isValid { process(next) }",
    "for case let x? in optionals { total += x }",
    "x = await fetch(id: id)",
    "let f = xs.map(String.init(describing:))\nlet r = #/a+b/#\nlet s = t.contains(/[a-z]+/)\nlet q = a / b / c",
    "async let task = fetch()\nlet h = { @Sendable (x: Int) -> Int in x }\nreturn { timer in timer.start() }",
    "#sourceLocation(file: \"case.swift\", line: 2)\nlet (v, pb) = _vjp(p: x, n - 1)\n#sourceLocation()",
    "let r = (0...10).map { i in Double(i) / 10 }.map(sin)",
  ]

  func testRoundTripsOfTheCorpus() throws {
    for source in Self.corpus {
      let (statements, diagnostics) = SwiftParser.parseStatements(source)
      XCTAssertEqual(diagnostics, [], source)
      let printed = ASTPrinter.print(statements, indent: "")
      let (reparsed, reparsedDiagnostics) = SwiftParser.parseStatements(printed)
      XCTAssertEqual(reparsedDiagnostics, [], printed)
      XCTAssertEqual(stripped(reparsed), stripped(statements), "\(source)\n---printed---\n\(printed)")
      XCTAssertEqual(ASTPrinter.print(reparsed, indent: ""), printed, "printing is not a fixed point for \(source)")
    }
  }

  func testRoundTripOfFunctionDeclaration() throws {
    let source = """
      @Differentiable @inlinable
      public func loss<T: BinaryFloatingPoint>(_ w: [T], x: [T], y: T = 0, f: @escaping (T) -> T) throws -> T where T: Sendable {
        var s: T = 0
        for i in w.indices { s += w[i] * x[i] }
        let d = f(s) - y
        return d * d
      }
      """
    let function = try parseFunction(source)
    let printed = ASTPrinter.print(function, indent: "")
    let reparsed = try parseFunction(printed)
    XCTAssertEqual(stripped(reparsed), stripped(function), printed)
  }

  func testParseFileKeepsItemsInOrder() throws {
    let (items, diagnostics) = SwiftParser.parseFile(
      "import Zygote\n\n@Differentiable\nfunc f(_ x: Double) -> Double { x * x }\nstruct P { var x: Double }\nlet y = f(2)\nprint(#gradient(f, at: 3.0))\n")
    XCTAssertEqual(diagnostics, [])
    XCTAssertEqual(items.count, 5)
    guard case .other("import Zygote", _) = items[0], case .function = items[1], case .other("struct P { var x: Double }", _) = items[2],
      case .variable = items[3], case .expression(.call) = items[4]
    else { return XCTFail("\(items)") }
  }

  // MARK: - Helpers

  /// Prints an expression with every infix, cast, `try` and `await` node in parentheses.
  static func fullyParenthesized(_ expression: ZygoteTransform.Expression) -> String {
    switch expression {
    case .binaryOperator(let op, let left, let right, _):
      return "(\(fullyParenthesized(left)) \(op) \(fullyParenthesized(right)))"
    case .ternary(let condition, let then, let otherwise, _):
      return "(\(fullyParenthesized(condition)) ? \(fullyParenthesized(then)) : \(fullyParenthesized(otherwise)))"
    case .cast(let inner, let kind, let type, _):
      return "(\(fullyParenthesized(inner)) \(kind.rawValue) \(type.swiftSource))"
    case .try(let inner, let kind, _):
      return "\(kind.rawValue) \(fullyParenthesized(inner))"
    case .await(let inner, _):
      return "await \(fullyParenthesized(inner))"
    case .prefixOperator(let op, let operand, _):
      return op + fullyParenthesized(operand)
    case .parenthesized(let inner, _):
      return "(" + fullyParenthesized(inner) + ")"
    default:
      return expression.swiftSource
    }
  }
}

// MARK: - Shared test helpers

/// Parses a declaration that must be a function, without diagnostics.
func parseFunction(_ source: String, file: StaticString = #filePath, line: UInt = #line) throws -> FunctionDeclaration {
  let (declaration, diagnostics) = SwiftParser.parseDeclaration(source)
  XCTAssertEqual(diagnostics, [], file: file, line: line)
  guard case .function(let function) = declaration else {
    throw TestFailure("not a function: \(String(describing: declaration))")
  }
  return function
}

/// Parses statements without diagnostics.
func parseBody(_ source: String, file: StaticString = #filePath, line: UInt = #line) throws -> [Statement] {
  let (statements, diagnostics) = SwiftParser.parseStatements(source)
  XCTAssertEqual(diagnostics, [], source, file: file, line: line)
  return statements
}

/// Parses an expression without diagnostics; returns it with its ranges stripped.
func parseExpression(_ source: String, file: StaticString = #filePath, line: UInt = #line) throws -> ZygoteTransform.Expression {
  let (expression, diagnostics) = SwiftParser.parseExpression(source)
  XCTAssertEqual(diagnostics, [], source, file: file, line: line)
  return stripped(try XCTUnwrap(expression, file: file, line: line))
}

/// Parses a type (as a parameter's type) without diagnostics.
func parseType(_ source: String, file: StaticString = #filePath, line: UInt = #line) throws -> TypeSyntax {
  try parseFunction("func f(x: \(source)) {}", file: file, line: line).parameters[0].type
}

/// Parses statements and prints them back.
func printed(_ source: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
  ASTPrinter.print(try parseBody(source, file: file, line: line), indent: "")
}

/// The text of a range of `source`.
func text(of range: SourceRange, in source: String) -> String {
  let bytes = Array(source.utf8)
  return String(decoding: bytes[max(0, range.start)..<min(bytes.count, range.end)], as: UTF8.self)
}

/// A thrown test failure.
struct TestFailure: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

// MARK: - Stripping ranges (AST equality modulo source positions)

func stripped(_ statements: [Statement]) -> [Statement] { statements.map(stripped) }

func stripped(_ expression: ZygoteTransform.Expression) -> ZygoteTransform.Expression {
  let none = SourceRange.synthesized
  switch expression {
  case .identifier(let name, _): return .identifier(name: name, range: none)
  case .integerLiteral(let text, _): return .integerLiteral(text: text, range: none)
  case .floatLiteral(let text, _): return .floatLiteral(text: text, range: none)
  case .stringLiteral(let text, _): return .stringLiteral(text: text, range: none)
  case .booleanLiteral(let value, _): return .booleanLiteral(value: value, range: none)
  case .nilLiteral: return .nilLiteral(range: none)
  case .arrayLiteral(let elements, _): return .arrayLiteral(elements: elements.map(stripped), range: none)
  case .dictionaryLiteral(let elements, _):
    return .dictionaryLiteral(elements: elements.map { DictionaryElement(key: stripped($0.key), value: stripped($0.value)) }, range: none)
  case .tuple(let elements, _): return .tuple(elements: elements.map(stripped), range: none)
  case .parenthesized(let inner, _): return .parenthesized(stripped(inner), range: none)
  case .prefixOperator(let op, let operand, _): return .prefixOperator(operator: op, operand: stripped(operand), range: none)
  case .postfixOperator(let op, let operand, _): return .postfixOperator(operator: op, operand: stripped(operand), range: none)
  case .binaryOperator(let op, let left, let right, _):
    return .binaryOperator(operator: op, left: stripped(left), right: stripped(right), range: none)
  case .ternary(let condition, let then, let otherwise, _):
    return .ternary(condition: stripped(condition), then: stripped(then), else: stripped(otherwise), range: none)
  case .call(let callee, let arguments, let closures, _):
    return .call(callee: stripped(callee), arguments: arguments.map(stripped), trailingClosures: closures.map(stripped), range: none)
  case .subscript(let base, let arguments, _): return .subscript(base: stripped(base), arguments: arguments.map(stripped), range: none)
  case .member(let base, let name, _): return .member(base: stripped(base), name: name, range: none)
  case .implicitMember(let name, _): return .implicitMember(name: name, range: none)
  case .optionalChain(let base, _): return .optionalChain(stripped(base), range: none)
  case .forceUnwrap(let base, _): return .forceUnwrap(stripped(base), range: none)
  case .closure(let closure): return .closure(stripped(closure))
  case .cast(let inner, let kind, let type, _): return .cast(stripped(inner), kind: kind, type: type, range: none)
  case .try(let inner, let kind, _): return .try(stripped(inner), kind: kind, range: none)
  case .await(let inner, _): return .await(stripped(inner), range: none)
  case .macroExpansion(let name, let arguments, let closures, _):
    return .macroExpansion(name: name, arguments: arguments.map(stripped), trailingClosures: closures.map(stripped), range: none)
  case .keyPath(let text, _): return .keyPath(text: text, range: none)
  case .discard: return .discard(range: none)
  case .unknown(let text, _): return .unknown(text: text, range: none)
  }
}

func stripped(_ argument: Argument) -> Argument {
  Argument(label: argument.label, value: stripped(argument.value), range: .synthesized)
}

func stripped(_ closure: TrailingClosure) -> TrailingClosure {
  TrailingClosure(label: closure.label, closure: stripped(closure.closure))
}

func stripped(_ closure: ClosureExpression) -> ClosureExpression {
  ClosureExpression(
    captureList: closure.captureList,
    parameters: closure.parameters.map { ClosureParameter(name: $0.name, type: $0.type, range: .synthesized) },
    parametersParenthesized: closure.parametersParenthesized, effects: closure.effects, resultType: closure.resultType,
    body: stripped(closure.body), range: .synthesized)
}

func stripped(_ pattern: Pattern) -> Pattern {
  switch pattern {
  case .identifier(let name, _): return .identifier(name: name, range: .synthesized)
  case .wildcard: return .wildcard(range: .synthesized)
  case .tuple(let elements, _):
    return .tuple(elements: elements.map { TuplePatternElement(label: $0.label, pattern: stripped($0.pattern)) }, range: .synthesized)
  case .typed(let inner, let type, _): return .typed(stripped(inner), type: type, range: .synthesized)
  case .other(let text, let names, _): return .other(text: text, boundNames: names, range: .synthesized)
  }
}

func stripped(_ condition: Condition) -> Condition {
  switch condition {
  case .expression(let expression): return .expression(stripped(expression))
  case .optionalBinding(let isVariable, let pattern, let type, let value, _):
    return .optionalBinding(isVariable: isVariable, pattern: stripped(pattern), type: type, value: value.map(stripped), range: .synthesized)
  case .casePattern(let text, let names, _): return .casePattern(text: text, boundNames: names, range: .synthesized)
  case .availability(let text, _): return .availability(text: text, range: .synthesized)
  }
}

func stripped(_ ifStatement: IfStatement) -> IfStatement {
  var elseBranch: ElseBranch?
  switch ifStatement.elseBranch {
  case .elseIf(let nested): elseBranch = .elseIf(stripped(nested))
  case .block(let block): elseBranch = .block(stripped(block))
  case nil: elseBranch = nil
  }
  return IfStatement(
    conditions: ifStatement.conditions.map(stripped), body: stripped(ifStatement.body), elseBranch: elseBranch,
    range: .synthesized)
}

func stripped(_ function: FunctionDeclaration) -> FunctionDeclaration {
  FunctionDeclaration(
    attributes: function.attributes.map { Attribute(name: $0.name, arguments: $0.arguments, range: .synthesized) },
    modifiers: function.modifiers, name: function.name, genericParameters: function.genericParameters,
    parameters: function.parameters.map {
      Parameter(label: $0.label, name: $0.name, type: $0.type, isVariadic: $0.isVariadic, defaultValue: $0.defaultValue, range: .synthesized)
    }, effects: function.effects, resultType: function.resultType, whereClause: function.whereClause,
    body: function.body.map(stripped), range: .synthesized, nameRange: .synthesized)
}

func stripped(_ statement: Statement) -> Statement {
  let none = SourceRange.synthesized
  switch statement {
  case .expression(let expression): return .expression(stripped(expression))
  case .variable(let declaration):
    return .variable(
      VariableDeclaration(
        attributes: declaration.attributes.map { Attribute(name: $0.name, arguments: $0.arguments, range: none) },
        modifiers: declaration.modifiers, isVariable: declaration.isVariable,
        bindings: declaration.bindings.map {
          PatternBinding(
            pattern: stripped($0.pattern), type: $0.type, initializer: $0.initializer.map(stripped), accessors: $0.accessors,
            range: none)
        }, range: none))
  case .assignment(let target, let op, let value, _):
    return .assignment(target: stripped(target), operator: op, value: stripped(value), range: none)
  case .if(let ifStatement): return .if(stripped(ifStatement))
  case .guard(let conditions, let body, _): return .guard(conditions: conditions.map(stripped), elseBody: stripped(body), range: none)
  case .while(let label, let conditions, let body, _):
    return .while(label: label, conditions: conditions.map(stripped), body: stripped(body), range: none)
  case .repeatWhile(let label, let body, let condition, _):
    return .repeatWhile(label: label, body: stripped(body), condition: stripped(condition), range: none)
  case .forIn(let label, let pattern, let sequence, let filter, let body, _):
    return .forIn(
      label: label, pattern: stripped(pattern), sequence: stripped(sequence), whereClause: filter.map(stripped),
      body: stripped(body), range: none)
  case .switch(let label, let subject, let cases, _):
    return .switch(
      label: label, subject: stripped(subject),
      cases: cases.map { SwitchCase(patternText: $0.patternText, boundNames: $0.boundNames, body: stripped($0.body), range: none) },
      range: none)
  case .return(let value, _): return .return(value.map(stripped), range: none)
  case .break(let label, _): return .break(label: label, range: none)
  case .continue(let label, _): return .continue(label: label, range: none)
  case .fallthrough: return .fallthrough(range: none)
  case .throw(let value, _): return .throw(stripped(value), range: none)
  case .defer(let body, _): return .defer(body: stripped(body), range: none)
  case .do(let label, let body, let catches, _):
    return .do(
      label: label, body: stripped(body),
      catches: catches.map { CatchClause(patternText: $0.patternText, body: stripped($0.body), range: none) }, range: none)
  case .function(let function): return .function(stripped(function))
  case .other(let text, _): return .other(text: text, range: none)
  }
}
