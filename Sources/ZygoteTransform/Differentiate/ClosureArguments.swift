// Closures passed to differentiable higher-order functions.
//
// A `@Differentiable` function with a function-typed parameter `f: (Double) -> Double` gets a
// rule whose `f` is the closure's own rule: `(Double) -> (value: Double, pullback: (Double) -> Double)`.
// Inside the rule, a call `f(x)` is a rule call like any other.
//
// At a differentiated call `applyTwice({ y in y * w }, x)`, the closure literal is
// differentiated inline into that rule. Its pullback returns the gradient of its argument, and
// adds the gradients of the differentiated variables it captures (`w`) into boxes, which the
// caller reads once the higher-order function's pullback has run:
//
//     let _ad_cg3_w = _GradientBox(_zeroTangent(like: w))
//     let _ad_v3 = { y in ... return (value: ..., pullback: { ... _accumulate(&_ad_cg3_w.gradient, _ad_d_w) ... }) }
//     let (_ad_v4, _ad_pb4) = _vjp(applyTwice: _ad_v3, x)
//     ...
//     let (_, _ad_g4_1) = _ad_pb4(seed)
//     _accumulate(&_ad_d_w, _ad_cg3_w.gradient)

/// The parameter and result types of a function type written as text (`@escaping (Double, Float) -> Double`).
struct FunctionTypeParts {
  var parameters: [TypeSyntax]
  var result: TypeSyntax

  /// Reads `text`, or returns nil for a function type the transform cannot pass a rule for
  /// (`throws`, `async`, `inout` parameters, no parameters).
  init?(_ text: String) {
    var rest = Substring(text.trimmingSpaces)
    // Attributes: `@escaping`, `@Sendable`.
    while rest.hasPrefix("@") {
      guard let space = rest.firstIndex(of: " ") else { return nil }
      rest = Substring(rest[space...].trimmingSpaces)
    }
    guard let arrow = FunctionTypeParts.topLevelArrow(in: rest) else { return nil }
    var left = rest[..<arrow].trimmingSpaces
    let right = rest[rest.index(arrow, offsetBy: 2)...].trimmingSpaces
    if left.hasSuffix("throws") || left.hasSuffix("async") || left.contains("inout") { return nil }
    guard left.hasPrefix("("), left.hasSuffix(")") else { return nil }
    left = String(left.dropFirst().dropLast())
    // Parse the pieces as the parameters of a function declaration.
    let pieces = FunctionTypeParts.topLevelPieces(of: left)
    guard !pieces.isEmpty else { return nil }
    let parameterList = pieces.enumerated().map { "_ p\($0.offset): \($0.element)" }.joined(separator: ", ")
    let (declaration, diagnostics) = SwiftParser.parseDeclaration("func f(\(parameterList)) -> \(right) {}")
    guard diagnostics.isEmpty, case .function(let function)? = declaration, let result = function.resultType else { return nil }
    parameters = function.parameters.map(\.type)
    self.result = result
  }

  /// `{ (a0: A, a1: B) in _ad_rule_f(a0, a1).value }`: the plain function that code run as
  /// written (a loop's forward pass) calls, made from the rule parameter `ruleName`.
  func plainFunction(calling ruleName: String) -> String {
    let names = parameters.indices.map { "a\($0)" }
    let list = zip(names, parameters).map { "\($0): \($1.swiftSource)" }.joined(separator: ", ")
    return "{ (\(list)) -> \(result.swiftSource) in \(ruleName)(\(names.joined(separator: ", "))).value }"
  }

  /// The type of the closure's rule: `(A, B) -> (value: R, pullback: (R.Tangent) -> (A.Tangent, B.Tangent))`.
  func ruleType(scalarGenerics: Set<String>) -> String {
    let tangents = parameters.map { FunctionRuleGenerator.tangentType(of: $0, scalarGenerics: scalarGenerics) }
    let resultTangent = FunctionRuleGenerator.tangentType(of: result, scalarGenerics: scalarGenerics)
    let tangentList = tangents.count == 1 ? tangents[0] : "(\(tangents.joined(separator: ", ")))"
    let parameterList = parameters.map(\.swiftSource).joined(separator: ", ")
    return "@escaping (\(parameterList)) -> (value: \(result.swiftSource), pullback: (\(resultTangent)) -> \(tangentList))"
  }

  private static func topLevelArrow(in text: Substring) -> String.Index? {
    var depth = 0
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      if "([<".contains(character) { depth += 1 }
      if ")]>".contains(character) {
        // `->` contains `>`: only a closing bracket that is not part of an arrow counts.
        if !(character == ">" && index > text.startIndex && text[text.index(before: index)] == "-") { depth -= 1 }
      }
      if depth == 0, character == "-", text.index(after: index) < text.endIndex, text[text.index(after: index)] == ">" {
        return index
      }
      index = text.index(after: index)
    }
    return nil
  }

  private static func topLevelPieces(of text: String) -> [String] {
    var pieces: [String] = []
    var depth = 0
    var current = ""
    var previous: Character = " "
    for character in text {
      if "([<".contains(character) { depth += 1 }
      if ")]".contains(character) || (character == ">" && previous != "-") { depth -= 1 }
      if character == ",", depth == 0 {
        pieces.append(current.trimmingSpaces)
        current = ""
      } else {
        current.append(character)
      }
      previous = character
    }
    if !current.trimmingSpaces.isEmpty { pieces.append(current.trimmingSpaces) }
    return pieces
  }
}

extension Differentiator {
  /// A closure literal argument of a differentiated call, as its rule (see the top of this file).
  func lowerClosureArgument(_ closure: ClosureExpression, at range: SourceRange, into forward: inout Code) -> Lowered {
    let id = nextID()
    var read = Set<String>()
    closure.collectNamesRead(into: &read)
    let captured = read.intersection(activeNames).filter { !isFreeVariable($0) }.sorted()
    var boxes: [(name: String, box: String)] = []
    for name in captured {
      let box = "_ad_cg\(id)_\(name)"
      forward.add("let \(box) = _GradientBox(_zeroTangent(like: \(name)))")
      boxes.append((name, box))
    }
    let generated = ClosureDifferentiation.differentiate(
      closure, argumentCount: ClosureDifferentiation.argumentCount(of: closure), shape: .pullback, lineTable: lineTable,
      capturedGradients: boxes)
    record(generated.diagnostics)
    guard let source = generated.source else { return .inactive(Expression.closure(closure).swiftSource) }
    return .closureArgument(source: source, boxes: boxes)
  }
}
