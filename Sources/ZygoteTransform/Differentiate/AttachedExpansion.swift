// `@Differentiable` on a function and `@Adjoint(of:)` on a custom rule: peers (and the body
// role of `@Differentiable`, RecordingPrologue.swift).

enum AttachedExpansion {
  static func expand(
    macroName: String, role: String, attributeSource: String, declarationSource: String,
    extendedType: String?, context: ExpansionContext
  ) -> ExpansionResult {
    let (declaration, parseDiagnostics) = SwiftParser.parseDeclaration(declarationSource)
    let whole = SourceRange(start: 0, end: declarationSource.utf8.count)
    if let error = parseDiagnostics.first(where: { $0.severity == .error }) {
      return ExpansionResult(expandedSource: nil, diagnostics: [error])
    }
    guard let declaration else {
      return ExpansionResult(expandedSource: nil, diagnostics: [.error("@\(macroName) could not read this declaration", at: whole)])
    }
    let lineTable = LineTable(source: declarationSource, firstLine: context.line, fileName: context.fileName)
    switch macroName {
    case "Differentiable" where role == "body":
      guard case .function(let function) = declaration else {
        // The peer role reports what is wrong with the declaration.
        return ExpansionResult(expandedSource: nil, diagnostics: [])
      }
      return RecordingPrologue.body(
        for: function, declarationSource: declarationSource, placement: placement(in: context), context: context,
        lineTable: lineTable)
    case "Differentiable":
      return differentiablePeer(declaration, source: declarationSource, context: context, lineTable: lineTable, whole: whole)
    case "Adjoint":
      return adjointPeer(declaration, context: context, whole: whole)
    case "DifferentiableStruct":
      return StructExpansion.expand(role: role, declaration: declaration, extendedType: extendedType, lineTable: lineTable)
    default:
      return ExpansionResult(expandedSource: nil, diagnostics: [.error("@\(macroName) is not a macro of this version of Zygote", at: whole)])
    }
  }

  static func placement(in context: ExpansionContext) -> FunctionPlacement {
    guard let innermost = context.lexicalContext.first else { return .global }
    let (declaration, _) = SwiftParser.parseDeclaration(innermost)
    switch declaration {
    case .function?: return .local
    case .type?: return .member
    default:
      // A closure or another context: treat like a function body.
      return innermost.trimmingSpaces.hasPrefix("{") ? .local : .global
    }
  }

  /// Whether the innermost enclosing declaration is a struct marked `@DifferentiableStruct`.
  static func isInDifferentiableStructBody(_ context: ExpansionContext) -> Bool {
    guard let innermost = context.lexicalContext.first,
      case .type(let type)? = SwiftParser.parseDeclaration(innermost).0, type.kind == "struct"
    else { return false }
    return type.attributes.contains { $0.name == "DifferentiableStruct" || $0.name == "Zygote.DifferentiableStruct" }
  }

  private static func differentiablePeer(_ declaration: Declaration, source: String, context: ExpansionContext, lineTable: LineTable, whole: SourceRange) -> ExpansionResult {
    switch declaration {
    case .function(let function):
      if function.isDifferentiableInstanceMethod, isInDifferentiableStructBody(context) {
        // The struct macro, which sees the stored properties, generates this method's rule.
        return ExpansionResult(expandedSource: "", diagnostics: [])
      }
      // A body that takes a nested derivative gets a forward-mode rule (ForwardModeRule.swift).
      let generated =
        ForwardModeRule.rule(for: function, declarationSource: source, placement: placement(in: context))
        ?? FunctionRuleGenerator.rule(for: function, placement: placement(in: context), lineTable: lineTable, isInlinable: false)
      if placement(in: context) == .local {
        // A peer of a nested function is invisible to every lookup (Swift 6.3.1), its own body's
        // included: the rule goes into the function's body instead (RecordingPrologue.swift),
        // and an enclosing @Differentiable function declares its own copy. The peer only
        // reports what cannot be differentiated.
        return ExpansionResult(expandedSource: generated.source == nil ? nil : "", diagnostics: generated.diagnostics)
      }
      return ExpansionResult(expandedSource: generated.source, diagnostics: generated.diagnostics)
    case .type(let type):
      let attribute = type.attributes.first { $0.name == "Differentiable" || $0.name == "Zygote.Differentiable" }
      let fixIts = attribute.map { [Diagnostic.FixIt(message: "use @DifferentiableStruct", range: $0.range, replacement: "@DifferentiableStruct")] } ?? []
      return ExpansionResult(expandedSource: nil, diagnostics: [
        .error("@Differentiable applies to functions; mark the \(type.kind) '\(type.name)' with @DifferentiableStruct instead", at: attribute?.range ?? type.range, fixIts: fixIts)
      ])
    case .variable(let variable):
      return ExpansionResult(expandedSource: nil, diagnostics: [
        .error("@Differentiable cannot be attached to a stored property; mark the functions that use it, or its struct with @DifferentiableStruct", at: variable.range)
      ])
    case .other(_, let range):
      return ExpansionResult(expandedSource: nil, diagnostics: [.error("@Differentiable applies to functions only", at: range)])
    }
  }

  /// `@Adjoint(of: add) func addAdjoint(...) -> (value:, pullback:)` becomes the rule
  /// `_vjp(add: ...)`, which differentiated calls of `add` then find: a declaration in the user's
  /// module shadows a built-in rule with the same signature.
  private static func adjointPeer(_ declaration: Declaration, context: ExpansionContext, whole: SourceRange) -> ExpansionResult {
    guard case .function(let function) = declaration else {
      return ExpansionResult(expandedSource: nil, diagnostics: [.error("@Adjoint(of:) applies to a function that returns (value:, pullback:)", at: whole)])
    }
    guard let attribute = function.attributes.first(where: { $0.name == "Adjoint" || $0.name == "Zygote.Adjoint" }),
      let target = adjointTarget(attribute.arguments)
    else {
      return ExpansionResult(expandedSource: nil, diagnostics: [.error("write the function this rule is for as @Adjoint(of: name)", at: function.attributes.first?.range ?? whole)])
    }
    guard case .tuple(let elements)? = function.resultType, elements.count == 2 else {
      return ExpansionResult(expandedSource: nil, diagnostics: [
        .error("a custom adjoint must return '(value: Value, pullback: (Value) -> Gradient)'; '\(function.name)' returns \(function.resultType?.swiftSource ?? "nothing")", at: function.nameRange)
      ])
    }
    let isMethod = placement(in: context) == .member
    if placement(in: context) == .local {
      return ExpansionResult(expandedSource: nil, diagnostics: [
        .error("@Adjoint(of:) applies at file scope or in a type or extension; move '\(function.name)' out of the function body", at: function.nameRange)
      ])
    }
    if isMethod, function.modifiers.contains("static") || function.modifiers.contains("class") {
      return ExpansionResult(expandedSource: nil, diagnostics: [
        .error("@Adjoint(of:) applies to instance methods; write the adjoint of a static method as a global function", at: function.nameRange)
      ])
    }
    // A method's rule may have no parameters besides `self`; a function's needs one.
    if function.parameters.isEmpty && !isMethod {
      return ExpansionResult(expandedSource: nil, diagnostics: [.error("a custom adjoint needs the parameters of '\(target.name)'", at: function.nameRange)])
    }
    let firstLabel: String
    switch target {
    case .function(let name): firstLabel = RuleNames.label(name)
    case .operator(let op):
      guard !isMethod, function.parameters.count <= 2 else {
        return ExpansionResult(expandedSource: nil, diagnostics: [.error("an operator's adjoint is a global function of one (prefix) or two (infix) operands", at: function.nameRange)])
      }
      firstLabel = function.parameters.count == 1 ? RuleNames.prefixOperatorLabel(op) : RuleNames.binaryOperatorLabel(op)
    }
    var parameters = function.parameters.enumerated().map { index, parameter in
      FunctionRuleGenerator.parameterText(parameter, label: index == 0 ? firstLabel : "_")
    }
    if parameters.isEmpty { parameters = ["\(firstLabel) _: ()"] }
    let modifiers = function.modifiers.filter { ["public", "internal", "fileprivate", "private", "package"].contains($0) }
    let resultType = "(value: \(elements[0].type.swiftSource), pullback: \(elements[1].type.swiftSource))"
    var code = Code()
    code.add("/// Differentiated calls of `\(target.name)` use `\(function.name)`, generated by @Adjoint.")
    code.add("@inline(__always)")
    var body = Code("let _ad_rule = \(function.name)(\(FunctionRuleGenerator.forwardingArguments(function.parameters)))")
    body.add("return (value: _ad_rule.0, pullback: _ad_rule.1)")
    code.addBlock("\(modifiers.map { $0 + " " }.joined())func \(isMethod ? RuleNames.method : RuleNames.function)\(function.genericParameters ?? "")(\(parameters.joined(separator: ", "))) -> \(resultType)\(function.whereClause.map { " " + $0 } ?? "") {", body)
    return ExpansionResult(expandedSource: code.render(), diagnostics: [])
  }

  /// What an `@Adjoint` is for: a function or method (by its base name), or an operator.
  enum AdjointTarget: Equatable {
    case function(String)
    case `operator`(String)

    var name: String {
      switch self {
      case .function(let name), .operator(let name): return name
      }
    }
  }

  /// `of: add`, `of: add(_:_:)` or `of: Point.norm` gives the function `add` (`norm`); `of: "*"`
  /// gives the operator `*`.
  static func adjointTarget(_ arguments: String?) -> AdjointTarget? {
    guard let arguments else { return nil }
    let trimmed = arguments.trimmingSpaces
    guard trimmed.hasPrefix("of") else { return nil }
    var rest = trimmed.dropFirst(2).trimmingSpaces
    guard rest.hasPrefix(":") else { return nil }
    rest = String(rest.dropFirst()).trimmingSpaces
    if rest.hasPrefix("\""), rest.count >= 3, rest.hasSuffix("\"") {
      let text = String(rest.dropFirst().dropLast())
      let isName: (Character) -> Bool = { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
      if let first = text.first, first.isLetter || first == "_", text.allSatisfy(isName) {
        // `of: "erf"`: a function named by a string (overloaded or generic names are ambiguous as values).
        return text.split(separator: ".").last.map { .function(String($0)) }
      }
      guard !text.isEmpty, text.allSatisfy({ !($0.isLetter || $0.isNumber || $0 == "_") && $0 != " " && $0 != "\"" }) else { return nil }
      return .operator(text)
    }
    let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
    guard let last = name.split(separator: ".").last, let first = last.first, first.isLetter || first == "_" else { return nil }
    return .function(String(last))
  }
}
