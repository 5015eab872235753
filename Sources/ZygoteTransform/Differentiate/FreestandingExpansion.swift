// `#gradient`, `#derivative`, `#valueWithGradient`, `#pullback` and `#differentiable`.
//
//     #gradient(f, at: 10.0)            =>  _gradientOf(_vjp(f: 10.0))
//     #pullback(g, at: 2.0, 3.0)        =>  _vjp(g: 2.0, 3.0)
//     #gradient({ x in x * x }, at: 3)  =>  { x in <forward>; <seed>; <backward>; return _ad_d_x }(3)
//     #differentiable(sin)              =>  DifferentiableFunction { _vjp(sin: $0) }

enum FreestandingExpansion {
  static func expand(macroName: String, source: String, context: ExpansionContext) -> ExpansionResult {
    let whole = SourceRange(start: 0, end: source.utf8.count)
    let (expression, parseDiagnostics) = SwiftParser.parseExpression(source)
    if let error = parseDiagnostics.first(where: { $0.severity == .error }) {
      return ExpansionResult(expandedSource: nil, diagnostics: [error])
    }
    guard case .macroExpansion(_, let arguments, let trailing, let range)? = expression else {
      return failure("#\(macroName) could not read its arguments", at: whole)
    }
    let lineTable = LineTable(source: source, firstLine: context.line, fileName: context.fileName)

    if let higherOrder = HigherOrderExpansion.expand(macroName: macroName, arguments: arguments, trailing: trailing, range: range, lineTable: lineTable) {
      return higherOrder
    }
    if macroName == "gradient", arguments.count == 1, arguments[0].label == nil, let body = trailing.first?.closure {
      // Inside a function, a callee may be a function nested there, whose rule has no name the
      // closure can use: its calls find their rules when the code runs (RecordingPrologue.swift).
      let insideFunction = AttachedExpansion.placement(in: context) == .local
      return implicitParameterGradient(parameters: arguments[0].value, body: body, recordsCalls: insideFunction, lineTable: lineTable)
    }
    if macroName == "differentiable" {
      guard arguments.count == 1, trailing.isEmpty else {
        return failure("#differentiable takes one function: #differentiable(sin)", at: range)
      }
      return differentiableFunction(arguments[0].value, lineTable: lineTable)
    }
    let shape: ClosureResultShape
    switch macroName {
    case "gradient", "derivative": shape = .gradient
    case "valueWithGradient": shape = .valueWithGradient
    case "pullback": shape = .pullback
    default: return failure("#\(macroName) is not a macro of this version of Zygote", at: range)
    }
    guard let function = arguments.first, function.label == nil else {
      return failure("#\(macroName) needs a function first: #\(macroName)(f, at: x)", at: range)
    }
    let points = Array(arguments.dropFirst())
    guard let first = points.first, first.label == "at", points.dropFirst().allSatisfy({ $0.label == nil }) else {
      return failure("#\(macroName) needs the point to differentiate at: #\(macroName)(f, at: x) or #\(macroName)(f, at: x, y)", at: range)
    }
    guard points.count <= 4 else {
      return failure("#\(macroName) differentiates with respect to at most four arguments; group them in a struct", at: points[4].range)
    }
    let pointText = points.map(\.value.swiftSource).joined(separator: ", ")

    if case .closure(let closure) = function.value, !NestedDerivatives.nestedUses(in: source, range: closure.range).isEmpty {
      return NestedDerivatives.forwardExpansion(macroName: macroName, closure: closure, points: points, source: source, context: context, level: nil)
    }
    if case .closure(let closure) = function.value {
      let generated = ClosureDifferentiation.differentiate(closure, argumentCount: points.count, shape: shape, lineTable: lineTable)
      guard let source = generated.source else { return ExpansionResult(expandedSource: nil, diagnostics: generated.diagnostics) }
      return ExpansionResult(expandedSource: "\(source)(\(pointText))", diagnostics: [])
    }
    guard let rule = ruleReference(function.value) else {
      return failure("#\(macroName) needs the name of a @Differentiable function or a closure literal, not '\(function.value.swiftSource)'", at: function.range)
    }
    let call = "\(rule) \(pointText))"
    switch shape {
    case .gradient: return ExpansionResult(expandedSource: "_gradientOf(\(call))", diagnostics: [])
    case .valueWithGradient: return ExpansionResult(expandedSource: "_valueWithGradientOf(\(call))", diagnostics: [])
    case .pullback, .implicitParameters: return ExpansionResult(expandedSource: call, diagnostics: [])
    }
  }

  /// The rule of a named function, as the start of a call: `_vjp(f:`.
  private static func ruleReference(_ function: Expression) -> String? {
    switch function {
    case .identifier(let name, _):
      return "\(RuleNames.function)(\(RuleNames.label(name)):"
    case .parenthesized(let inner, _):
      return ruleReference(inner)
    default:
      return nil
    }
  }

  private static func differentiableFunction(_ function: Expression, lineTable: LineTable) -> ExpansionResult {
    if case .closure(let closure) = function {
      let count = max(closure.parameters.count, 1)
      guard count == 1 else {
        return failure("#differentiable takes a function of one argument", at: closure.range)
      }
      let generated = ClosureDifferentiation.differentiate(closure, argumentCount: 1, shape: .pullback, lineTable: lineTable)
      guard let source = generated.source else { return ExpansionResult(expandedSource: nil, diagnostics: generated.diagnostics) }
      return ExpansionResult(expandedSource: "DifferentiableFunction(\(source))", diagnostics: [])
    }
    guard let rule = ruleReference(function) else {
      return failure("#differentiable needs the name of a function with a derivative (sin, a @Differentiable function) or a closure literal", at: function.range)
    }
    return ExpansionResult(expandedSource: "DifferentiableFunction { \(rule) $0) }", diagnostics: [])
  }

  private static func implicitParameterGradient(parameters: Expression, body: ClosureExpression, recordsCalls: Bool, lineTable: LineTable) -> ExpansionResult {
    if !body.parameters.isEmpty {
      return failure("the closure of #gradient(Params(...)) takes no arguments", at: body.range)
    }
    let generated = ClosureDifferentiation.differentiate(
      body, argumentCount: 0, shape: .implicitParameters, lineTable: lineTable, recordsCalls: recordsCalls)
    guard let source = generated.source else { return ExpansionResult(expandedSource: nil, diagnostics: generated.diagnostics) }
    return ExpansionResult(expandedSource: "_gradient(params: \(parameters.swiftSource)) \(source)", diagnostics: [])
  }

  private static func failure(_ message: String, at range: SourceRange) -> ExpansionResult {
    ExpansionResult(expandedSource: nil, diagnostics: [.error(message, at: range)])
  }
}

extension String {
  /// The text with every occurrence of `target` replaced (stdlib only, no Foundation).
  func replacingOccurrences(of target: String, with replacement: String) -> String {
    guard !target.isEmpty else { return self }
    var result = ""
    var rest = self[...]
    while let range = rest.firstRange(of: target) {
      result += rest[..<range.lowerBound]
      result += replacement
      rest = rest[range.upperBound...]
    }
    result += rest
    return result
  }
}
