// Generates the rule of a function marked `@Differentiable`: a peer that returns the value and
// the pullback, named so that every differentiated call site finds it.
//
//     @Differentiable                            func _vjp(f x: Double) -> (value: Double, pullback: (Double) -> Double) {
//     func f(_ x: Double) -> Double {     =>       <forward pass>
//       5 * x + 3                                  return (value: _ad_result, pullback: { _ad_seed in
//     }                                              <backward pass>
//                                                    return _ad_d_x
//                                                  })
//                                                }

/// Where the function is declared, which decides the rule's name.
enum FunctionPlacement {
  /// At file scope: `_vjp(f: ...)`.
  case global
  /// A method (instance or static): `_vjpm(f: ...)`, whose pullback also returns the tangent of
  /// `self` (``NoTangent`` for now).
  case member
  /// Nested in another function's body: `_vjp_f(...)`.
  case local
}

/// The generated source of one rule, or why there is none.
struct GeneratedSource {
  var source: String?
  var diagnostics: [Diagnostic]
}

enum FunctionRuleGenerator {
  /// Scalar types that are their own tangent.
  static let scalarTypes: Set<String> = ["Double", "Float", "Float16", "Float80", "CGFloat", "Swift.Double", "Swift.Float"]
  /// Types whose values have no derivative.
  static let nonDifferentiableTypes: Set<String> = [
    "Int", "Int8", "Int16", "Int32", "Int64", "UInt", "UInt8", "UInt16", "UInt32", "UInt64", "Bool",
    "String", "Character",
  ]

  /// The rule of a function nested in another function's body.
  static func localRule(for function: FunctionDeclaration, lineTable: LineTable) -> GeneratedSource {
    rule(for: function, placement: .local, lineTable: lineTable, isInlinable: false)
  }

  /// The rule of `function`.
  ///
  /// - Parameter selfTangent: for a method of a `@DifferentiableStruct` declared in its body: the
  ///   struct's differentiable stored properties. The method's body then reads `self` as the
  ///   differentiated value `_ad_self`, and the pullback returns its `Tangent`; a `mutating`
  ///   method without a result becomes a function from `self` to the new `self`.
  static func rule(
    for function: FunctionDeclaration, placement: FunctionPlacement, lineTable: LineTable, isInlinable: Bool,
    selfTangent: SelfDifferentiation? = nil
  ) -> GeneratedSource {
    var diagnostics: [Diagnostic] = []
    func refuse(_ message: String, _ range: SourceRange) -> GeneratedSource {
      diagnostics.append(.error(message, at: range))
      return GeneratedSource(source: nil, diagnostics: diagnostics)
    }
    guard let body = function.body else {
      return refuse("@Differentiable needs a function with a body", function.nameRange)
    }
    let isMutating = function.modifiers.contains("mutating")
    if isMutating, selfTangent == nil {
      return refuse("@Differentiable supports 'mutating' methods declared in the body of a @DifferentiableStruct; move '\(function.name)' there, or return the new value instead", function.nameRange)
    }
    guard let resultType = function.resultType ?? (isMutating && selfTangent != nil ? .named("Self") : nil) else {
      return refuse("@Differentiable needs a function that returns a value; '\(function.name)' returns nothing", function.nameRange)
    }
    if let effects = function.effects, !effects.trimmingSpaces.isEmpty {
      return refuse("@Differentiable does not support '\(effects.trimmingSpaces)' functions yet; remove the effect or write an @Adjoint(of: \(function.name))", function.nameRange)
    }
    if isMutating, function.resultType != nil {
      return refuse("a differentiable 'mutating' method cannot also return a value; return the new value from a non-mutating method instead", function.nameRange)
    }
    if function.parameters.isEmpty && selfTangent == nil {
      return refuse("@Differentiable needs a function with at least one parameter to differentiate", function.nameRange)
    }
    for parameter in function.parameters {
      if case .inout = parameter.type {
        return refuse("@Differentiable does not support 'inout' parameters yet: '\(parameter.name)'", parameter.range)
      }
      if parameter.isVariadic {
        return refuse("@Differentiable does not support variadic parameters yet: '\(parameter.name)'; pass an array", parameter.range)
      }
    }
    var scalarGenerics = floatingPointGenericParameters(function)
    scalarGenerics.formUnion(selfTangent?.scalarGenerics ?? [])
    let differentiated = function.parameters.filter { tangentType(of: $0.type, scalarGenerics: scalarGenerics) != "NoTangent" }
    // Function-typed parameters take the rule of the closure passed (see ClosureArguments.swift).
    var closureTypes: [String: String] = [:]
    var closureParts: [String: FunctionTypeParts] = [:]
    for parameter in function.parameters {
      guard case .function(let text) = parameter.type else { continue }
      guard let parts = FunctionTypeParts(text) else {
        return refuse("the function-typed parameter '\(parameter.name)' of a differentiable function must take one or more arguments and must not throw", parameter.range)
      }
      closureTypes[parameter.name] = parts.ruleType(scalarGenerics: scalarGenerics)
      closureParts[parameter.name] = parts
    }

    // The peer's signature.
    let ruleName: String
    var parameterTexts: [String] = []
    switch placement {
    case .global, .member:
      ruleName = placement == .global ? RuleNames.function : (isMutating ? RuleNames.mutatingMethod : RuleNames.method)
      for (index, parameter) in function.parameters.enumerated() {
        let label = index == 0 ? RuleNames.label(function.name) : "_"
        parameterTexts.append(parameterText(parameter, label: label, type: closureTypes[parameter.name]))
      }
      // A method with no parameters is called as `x._vjpm(name: ())`.
      if function.parameters.isEmpty { parameterTexts = ["\(RuleNames.label(function.name)) _: ()"] }
    case .local:
      ruleName = RuleNames.localFunctionPrefix + function.name
      parameterTexts = function.parameters.map { parameterText($0, label: "_", type: closureTypes[$0.name]) }
    }
    var tangents = function.parameters.map { tangentType(of: $0.type, scalarGenerics: scalarGenerics) }
    if placement == .member { tangents.insert(selfTangent == nil ? "NoTangent" : "Tangent", at: 0) }
    let resultTangent = tangentType(of: resultType, scalarGenerics: scalarGenerics)
    if resultTangent == "NoTangent" {
      return refuse("the result type '\(resultType.swiftSource)' of '\(function.name)' has no derivative; a differentiable function returns Double, Float, an array, a tuple or a @DifferentiableStruct of them", function.nameRange)
    }
    let tangentList = tangents.count == 1 ? tangents[0] : "(\(tangents.joined(separator: ", ")))"
    let resultText = resultType.swiftSource
    let modifiers = function.modifiers.filter { ["public", "internal", "fileprivate", "private", "package", "static", "class", "nonisolated"].contains($0) || $0.hasPrefix("@") }
    var attributes = isInlinable || function.attributes.contains(where: { $0.name == "inlinable" }) ? "@inlinable " : ""
    // Inlined into the caller, the pullback closure of straight-line code is called where it is
    // made, and the optimizer removes the closures of its rules (measured: W1 17.5x -> see README).
    if !body.contains(where: { $0.namesRead.contains(function.name) }) { attributes += "@inline(__always) " }

    // The body.
    var differentiatedNames = differentiated.map(\.name)
    var statements = implicitReturn(body)
    if let selfTangent {
      if let computed = selfTangent.computedPropertyRead(in: function) {
        return refuse("'\(function.name)' reads the computed property '\(computed)', whose getter has no derivative; make it a @Differentiable method and call it", function.nameRange)
      }
      if let shadow = selfTangent.shadowedProperty(in: function) {
        return refuse("the local name '\(shadow)' hides the stored property '\(shadow)' of self; rename the local", function.nameRange)
      }
      statements = selfTangent.readingSelf(statements, of: function)
      if isMutating { statements = SelfDifferentiation.returningSelf(statements) }
      differentiatedNames.insert(SelfDifferentiation.name, at: 0)
    }
    // A function that calls itself gets a forward/backward pair sharing a tape (RecursiveRule.swift).
    let recursion = selfTangent == nil && closureTypes.isEmpty ? RecursionPlan.plan(for: function, statements: statements, placement: placement) : nil
    if let recursion { statements = recursion.renamedBody }
    let desugared = Desugaring.desugar(statements, parameters: differentiatedNames)
    let withLoopReturns = LoopReturnRewriting.rewrite(desugared, resultType: resultText)
    let restructured = ExitRestructuring.restructure(withLoopReturns, scope: .function)
    var localRules = nestedDifferentiableFunctions(in: restructured)
    // A nested function's recursive calls use its own rule, declared next to it (and again in
    // its body, RecordingPrologue.swift), where its name may mean a prologue-free copy.
    if placement == .local { localRules[function.name] = RuleNames.localFunctionPrefix + function.name }
    if let recursion { localRules.merge(recursion.siteRules) { first, _ in first } }
    let differentiator = Differentiator(
      parameters: differentiatedNames + closureTypes.keys.sorted(), body: restructured, localFunctionRules: localRules,
      // A nested function's callees may be nested functions too, whose rules it cannot name.
      implicitParameters: ImplicitParameterMode(recordsCalls: placement == .local), lineTable: lineTable,
      inoutParameters: isMutating && selfTangent != nil ? [SelfDifferentiation.name] : [],
      otherParameters: function.parameters.map(\.name).filter { name in !differentiated.contains { $0.name == name } }
        + genericParameterNames(function.genericParameters))
    for parameter in function.parameters { differentiator.noteTupleLabels(ofParameter: parameter.name, type: parameter.type) }
    differentiator.closureParameters = Set(closureTypes.keys)
    differentiator.inactiveProperties = Set((selfTangent?.inactiveProperties ?? []).map { "\(SelfDifferentiation.name).\($0)" })
    let block = differentiator.differentiate(restructured, returns: .define(name: "_ad_result", type: resultText, seed: "_ad_seed"))
    diagnostics += differentiator.diagnostics
    if diagnostics.contains(where: { $0.severity == .error }) {
      return GeneratedSource(source: nil, diagnostics: diagnostics)
    }

    var pullback = Code()
    var returned = function.parameters.map { parameter -> String in
      differentiated.contains(parameter) ? differentiator.adjointName(parameter.name) : "NoTangent()"
    }
    if placement == .member { returned.insert(selfTangent == nil ? "NoTangent()" : differentiator.adjointName(SelfDifferentiation.name), at: 0) }
    pullback.add(accumulatorDeclarations(for: differentiatedNames, differentiator: differentiator, backward: block.backward))
    pullback.add(block.accumulators)
    pullback.add(block.backward)
    pullback.add("return \(returned.count == 1 ? returned[0] : "(\(returned.joined(separator: ", ")))")")

    var code = Code()
    let signature = "\(attributes)\(modifiers.map { $0 + " " }.joined())func \(ruleName)\(function.genericParameters ?? "")(\(parameterTexts.joined(separator: ", "))) -> (value: \(resultText), pullback: (\(resultTangent)) -> \(tangentList))\(function.whereClause.map { " " + $0 } ?? "")"
    code.add("/// The value and pullback of `\(function.name)`, generated by @Differentiable.")
    var functionBody = Code()
    if selfTangent != nil { functionBody.add("\(isMutating ? "var" : "let") \(SelfDifferentiation.name) = self") }
    // Code run as written (a loop's forward pass) calls a closure parameter as a plain function.
    let forwardWords = IdentifierScan.words(in: block.forward.render())
    for (name, parts) in closureParts.sorted(by: { $0.key < $1.key }) where forwardWords.contains(name) {
      functionBody.add("let \(name) = \(parts.plainFunction(calling: RuleNames.closureRulePrefix + name))")
    }
    if let recursion {
      var forward = Code()
      forward.add(block.forward)
      functionBody.add(recursion.ruleBody(forward: forward, pullback: pullback, resultTangent: resultTangent, tangentList: tangentList))
      code.addBlock(signature + " {", functionBody)
      let line = lineTable.line(of: function.nameRange.start) ?? 0
      for callee in differentiator.unresolvedCallees where callee.name != function.name {
        code.add(missingRuleFallback(for: callee.name, label: callee.label, caller: function.name, line: line))
      }
      return GeneratedSource(source: code.render(), diagnostics: diagnostics)
    }
    functionBody.add(block.forward)
    let captures = captureList(
      forward: block.forward, backward: pullback,
      parameters: (selfTangent == nil ? [] : [SelfDifferentiation.name]) + function.parameters.map(\.name) + closureParts.keys.sorted().map { RuleNames.closureRulePrefix + $0 },
      body: restructured,
      mutableNames: differentiator.mutableNames)
    functionBody.addBlock("return (value: _ad_result, pullback: { \(captures)_ad_seed in", pullback, closing: "})")
    code.addBlock(signature + " {", functionBody)
    if placement == .global {
      let line = lineTable.line(of: function.nameRange.start) ?? 0
      for callee in differentiator.unresolvedCallees where callee.name != function.name {
        code.add(missingRuleFallback(for: callee.name, label: callee.label, caller: function.name, line: line))
      }
    }
    return GeneratedSource(source: code.render(), diagnostics: diagnostics)
  }

  /// `[a, b, _ad_tape1] ` for the forward values the pullback reads: captured by value, the
  /// forward pass's variables are not boxed, so neither pass pays for shared access to them.
  static func captureList(forward: Code, backward: Code, parameters: [String], body: [Statement], mutableNames: Set<String>) -> String {
    // The names that could be captured, in order: parameters, the body's declarations, and the
    // generated values of the forward pass.
    var candidates: [String] = []
    var seen = Set<String>()
    func propose(_ name: String) {
      if !name.isEmpty, seen.insert(name).inserted { candidates.append(name) }
    }
    for name in parameters where !name.hasPrefix("$") { propose(name) }
    for statement in body { for name in statement.directlyDeclaredNames { propose(name) } }
    for line in forward.lines where line.depth == 0 {
      for name in generatedNames(declaredBy: line.text) { propose(name) }
    }
    let usedAnywhere = IdentifierScan.words(in: backward.lines.map(\.text).joined(separator: "\n"), among: seen)
    // Replays shadow every mutable variable they touch with a restored copy, so only the lines
    // outside replays (depth 0) can read the forward's final value of a mutable variable.
    let usedOutsideReplays = IdentifierScan.words(
      in: backward.lines.filter { $0.depth == 0 }.map(\.text).joined(separator: "\n"), among: seen.intersection(mutableNames))
    let names = candidates.filter { name in
      mutableNames.contains(name) ? usedOutsideReplays.contains(name) : usedAnywhere.contains(name)
    }
    return names.isEmpty ? "" : "[\(names.joined(separator: ", "))] "
  }

  /// The `_ad_` names a generated line of the forward pass declares at its own level.
  static func generatedNames(declaredBy line: String) -> [String] {
    guard line.hasPrefix("let ") || line.hasPrefix("var ") else { return [] }
    let declared = line.utf8.split(separator: UInt8(ascii: "="), maxSplits: 1).first.map { String(Substring($0)) } ?? ""
    return IdentifierScan.words(in: declared).filter { $0.hasPrefix("_ad_") }.sorted()
  }

  /// A rule that loses to any real rule of `callee` and, when there is none, makes the compiler say
  /// so at the call, by name, with the fix.
  static func missingRuleFallback(for callee: String, label: String, caller: String, line: Int) -> String {
    let isOperator = label.hasPrefix("__")
    let message = isOperator
      ? "the operator '\(callee)' has no derivative for these operands: write an @Adjoint(of: \\\"\(callee)\\\"), or wrap the operands in dropgrad(_:)"
      : "'\(callee)' has no derivative: mark it @Differentiable, write an @Adjoint(of: \(callee)), or wrap the call in dropgrad(_:)"
    return """
    @available(*, unavailable, message: "\(message)")
    @_disfavoredOverload
    func \(RuleNames.function)<A, each B>(\(label) _: A, _ _: repeat each B, _calledFrom_\(caller)_line\(line) _: Void = ()) -> (value: A, pullback: (A) -> (A, repeat each B)) { fatalError() }
    """
  }

  /// `var _ad_d_x = _zeroTangent(like: x)` for each parameter (`let` when nothing adds to it).
  static func accumulatorDeclarations(for names: [String], differentiator: Differentiator, backward: Code) -> Code {
    var code = Code()
    for name in names {
      let adjoint = differentiator.adjointName(name)
      code.add("\(differentiator.mutatedAdjoints.contains(adjoint) ? "var" : "let") \(adjoint) = _zeroTangent(like: \(name))")
    }
    return code
  }

  /// A body that is a single expression returns it.
  static func implicitReturn(_ body: [Statement]) -> [Statement] {
    if body.count == 1, case .expression(let expression) = body[0] {
      return [.return(expression, range: expression.range)]
    }
    return body
  }

  /// The nested functions marked `@Differentiable`, and the names of their rules.
  static func nestedDifferentiableFunctions(in body: [Statement]) -> [String: String] {
    var rules: [String: String] = [:]
    for statement in body {
      statement.forEachStatement { inner in
        if case .function(let function) = inner, function.attributes.contains(where: { $0.name == "Differentiable" || $0.name == "Zygote.Differentiable" }) {
          rules[function.name] = RuleNames.localFunctionPrefix + function.name
        }
      }
    }
    return rules
  }

  /// `x: x, n` for `(x: Double, _ n: Int)`: a function's own parameters passed on to a function
  /// with the same argument labels (names in backticks when they are keywords).
  static func forwardingArguments(_ parameters: [Parameter]) -> String {
    parameters.map { parameter in
      let name = RuleNames.label(parameter.name)
      return parameter.callLabel.map { "\(RuleNames.label($0)): \(name)" } ?? name
    }.joined(separator: ", ")
  }

  static func parameterText(_ parameter: Parameter, label: String, type: String? = nil) -> String {
    // A closure parameter holds the closure's rule, under its own name.
    let name = type == nil ? parameter.name : RuleNames.closureRulePrefix + parameter.name
    var text = "\(label) \(name): \(type ?? parameter.type.swiftSource)"
    if let defaultValue = parameter.defaultValue { text += " = \(defaultValue)" }
    return text
  }


  /// The names a generic parameter clause declares (`<S: TensorScalar, each T>` → `S`, `T`):
  /// types, never free variables, so that `S.self` or `S(2)` is not read as a parameter.
  static func genericParameterNames(_ clause: String?) -> [String] {
    guard let clause else { return [] }
    var depth = 0
    var pieces: [String] = [""]
    for character in clause.dropFirst().dropLast() {
      switch character {
      case "<", "(", "[": depth += 1
      case ">", ")", "]": depth -= 1
      case "," where depth == 0:
        pieces.append("")
        continue
      default: break
      }
      pieces[pieces.count - 1].append(character)
    }
    return pieces.compactMap { piece in
      var name = piece.split(separator: ":", maxSplits: 1).first.map { $0.trimmingSpaces } ?? ""
      if name.hasPrefix("each ") { name = String(name.dropFirst(5)).trimmingSpaces }
      return name.isEmpty ? nil : name
    }
  }

  /// The generic parameters constrained to a floating-point protocol: they are their own tangent.
  static func floatingPointGenericParameters(_ function: FunctionDeclaration) -> Set<String> {
    floatingPointGenericParameters(genericParameters: function.genericParameters, whereClause: function.whereClause)
  }

  /// The generic parameters of a clause pair constrained to a floating-point protocol.
  static func floatingPointGenericParameters(genericParameters: String?, whereClause: String?) -> Set<String> {
    let text = (genericParameters ?? "") + " " + (whereClause ?? "")
    var names = Set<String>()
    // Constraints read `T: BinaryFloatingPoint` (or `T : Real & ...`) in either clause.
    let pieces = text.split(whereSeparator: { $0 == "," || $0 == "<" || $0 == ">" }).map { String($0) }
    for piece in pieces {
      let parts = piece.split(separator: ":", maxSplits: 1).map { $0.trimmingSpaces }
      guard parts.count == 2 else { continue }
      var name = parts[0]
      if name.hasPrefix("where ") { name = String(name.dropFirst(6)).trimmingSpaces }
      if parts[1].contains("FloatingPoint") || parts[1].contains("Real") || parts[1].contains("TensorScalar") { names.insert(name) }
    }
    return names
  }

  /// The tangent type of a type as written, or `NoTangent` for a type with no derivative.
  static func tangentType(of type: TypeSyntax, scalarGenerics: Set<String>) -> String {
    switch type {
    case .named(let name):
      if scalarTypes.contains(name) || scalarGenerics.contains(name) { return name }
      if nonDifferentiableTypes.contains(name) { return "NoTangent" }
      return "\(name).Tangent"
    case .array(let element):
      // An array of integers (labels, indices) has no derivative at all.
      let elementTangent = tangentType(of: element, scalarGenerics: scalarGenerics)
      return elementTangent == "NoTangent" ? "NoTangent" : "[\(elementTangent)]"
    case .tuple(let elements):
      if elements.isEmpty { return "NoTangent" }
      return "(\(elements.map { ($0.label.map { "\($0): " } ?? "") + tangentType(of: $0.type, scalarGenerics: scalarGenerics) }.joined(separator: ", ")))"
    case .inout(let inner):
      return tangentType(of: inner, scalarGenerics: scalarGenerics)
    case .dictionary(let key, let value):
      return "Dictionary<\(key.swiftSource), \(value.swiftSource)>.Tangent"
    case .optional(let wrapped), .implicitlyUnwrappedOptional(let wrapped):
      return "Optional<\(wrapped.swiftSource)>.Tangent"
    case .function, .other:
      return "NoTangent"
    }
  }
}

extension StringProtocol {
  /// The text without leading and trailing spaces, tabs and newlines.
  var trimmingSpaces: String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else { return "" }
    return String(self[start...end])
  }
}
