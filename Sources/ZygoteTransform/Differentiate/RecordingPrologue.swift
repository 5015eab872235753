// The body role of `@Differentiable`: a prologue that answers a recording call.
//
// A `#gradient(Params(...)) { ... }` closure inside a function may call a `@Differentiable`
// function nested in the same function, whose rule it cannot name (a peer of a nested function
// is invisible to unqualified lookup, and the closure's macro cannot see the enclosing body).
// It calls `_vjp(recording: f, x, named: "f", rules: ...)` instead (Params/PullbackRecording.swift
// in the runtime), and every global or nested `@Differentiable` function starts with:
//
//     if let _ad_recorder = _takePullbackRecorder(for: "f") {
//       func _vjp_f(...) -> (value:, pullback:) { ... }      // a nested function: its own rule here
//       let _ad_rule = _vjp_f(x)                             // a global one: _vjp(f: x), its peer
//       _ad_recorder.pullback = _ad_rule.pullback
//       return _ad_rule.value
//     }
//     func _ad_body() -> R {
//     #sourceLocation(file: ..., line: ...)
//       <the body as written, at its own columns>
//     #sourceLocation()
//     }
//     return _ad_body()
//
// (A recursive body moves into a nested function of the function's own name and parameters
// instead, so that its recursive calls skip the prologue.)
// The body moves into `_ad_body` so that a single-expression body keeps its implicit return;
// `#sourceLocation` and padding keep compile errors in it at the user's line and column. A
// function the prologue does not apply to (a method, one with effects, inout, variadic or
// function-typed parameters, no result, or more than four parameters) keeps its body as
// written; so does a nested function whose rule cannot be generated (its peer reports why). A
// global function's prologue calls its peer `_vjp(f:)`, which exists whenever compilation succeeds.

enum RecordingPrologue {
  /// The most parameters a recording call supports (the runtime's `_vjp(recording:)` overloads).
  static let maximumParameterCount = 4

  /// The body that `@Differentiable` gives `function` (braces included).
  static func body(
    for function: FunctionDeclaration, declarationSource: String, placement: FunctionPlacement,
    context: ExpansionContext, lineTable: LineTable
  ) -> ExpansionResult {
    guard let bodyRange = function.bodyRange, bodyRange.end - bodyRange.start >= 2 else {
      return ExpansionResult(expandedSource: nil, diagnostics: [
        .error("@Differentiable needs a function with a body", at: function.nameRange)
      ])
    }
    let original = asWritten(
      bodyRange, in: declarationSource, blanking: nestedDifferentiableAttributes(in: function.body ?? []), context: context,
      lineTable: lineTable)
    guard let prologue = prologue(for: function, declarationSource: declarationSource, placement: placement, lineTable: lineTable),
      let resultType = function.resultType
    else {
      return ExpansionResult(expandedSource: "{\n\(original)\n}", diagnostics: [])
    }
    // The prologue and the wrapper are indented; the body keeps its own columns.
    var code = Code()
    code.add(prologue, depth: 1)
    if calls(function.name, in: function.body ?? []) {
      // A recursive body calls the function by name: a nested function of the same name and
      // parameters shadows it there, so that only the outermost call runs the prologue (a
      // check in every level doubled the cost of a plain recursion, measured).
      let parameters = function.parameters.map { slice($0.range, of: declarationSource) }.joined(separator: ", ")
      // No generic clause: the nested function uses the enclosing one's generic parameters.
      let signature = "func \(RuleNames.label(function.name))(\(parameters)) -> \(resultType.swiftSource) {"
      code.add(Code(signature), depth: 1)
      code.add(Code(original))
      code.add(Code("}"), depth: 1)
      code.add(Code("return \(RuleNames.label(function.name))(\(FunctionRuleGenerator.forwardingArguments(function.parameters)))"), depth: 1)
    } else {
      code.add(Code("func _ad_body() -> \(resultType.swiftSource) {"), depth: 1)
      code.add(Code(original))
      code.add(Code("}"), depth: 1)
      code.add(Code("return _ad_body()"), depth: 1)
    }
    return ExpansionResult(expandedSource: "{\n\(code.render())\n}", diagnostics: [])
  }

  /// Whether the statements call `name` (a recursive function).
  private static func calls(_ name: String, in body: [Statement]) -> Bool {
    var found = false
    for statement in body {
      statement.forEachExpression { expression in
        expression.forEachSubexpression { inner in
          if case .call(.identifier(name, _), _, _, _) = inner { found = true }
        }
      }
    }
    return found
  }

  /// The source text of `range`.
  private static func slice(_ range: SourceRange, of source: String) -> String {
    let bytes = Array(source.utf8)
    guard range.start >= 0, range.end <= bytes.count, range.start <= range.end else { return "" }
    return String(decoding: bytes[range.start..<range.end], as: UTF8.self)
  }

  /// Where the body marks a nested function `@Differentiable`. The copy of the body must not
  /// hold them: the compiler refuses a macro's expansion that uses the macro itself, and the
  /// enclosing function's rule differentiates its nested functions anyway.
  private static func nestedDifferentiableAttributes(in body: [Statement]) -> [SourceRange] {
    var ranges: [SourceRange] = []
    for statement in body {
      statement.forEachStatement { inner in
        guard case .function(let nested) = inner else { return }
        for attribute in nested.attributes where attribute.name == "Differentiable" || attribute.name == "Zygote.Differentiable" {
          ranges.append(attribute.range)
        }
      }
    }
    return ranges
  }

  /// The body's text between its braces, under `#sourceLocation` and padded to its columns, with
  /// the `blanked` ranges replaced by spaces (so that columns stay).
  private static func asWritten(
    _ bodyRange: SourceRange, in source: String, blanking blanked: [SourceRange], context: ExpansionContext, lineTable: LineTable
  ) -> String {
    var bytes = Array(source.utf8)
    for range in blanked where range.start >= 0 && range.end <= bytes.count {
      for offset in range.start..<range.end where bytes[offset] != UInt8(ascii: "\n") { bytes[offset] = UInt8(ascii: " ") }
    }
    var start = bodyRange.start + 1
    var end = bodyRange.end - 1
    var line = lineTable.line(of: bodyRange.start) ?? context.line
    var padding = 0
    let isSpace: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
    // Nothing after `{` on its line: start on the next line, as written.
    var afterBrace = start
    while afterBrace < end && isSpace(bytes[afterBrace]) { afterBrace += 1 }
    if afterBrace < end && bytes[afterBrace] == UInt8(ascii: "\n") {
      start = afterBrace + 1
      line += 1
    } else {
      // Code after `{`: pad it to its column (offsets on the declaration's first line start at
      // the context's column).
      var lineStart = bodyRange.start
      while lineStart > 0 && bytes[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
      padding = bodyRange.start - lineStart + 1
      if lineStart == 0 { padding += context.column - 1 }
    }
    // Nothing before `}` on its line: end at the previous line.
    var beforeBrace = end
    while beforeBrace > start && isSpace(bytes[beforeBrace - 1]) { beforeBrace -= 1 }
    if beforeBrace > start && bytes[beforeBrace - 1] == UInt8(ascii: "\n") { end = beforeBrace - 1 }
    let inner = String(repeating: " ", count: padding) + String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    guard !lineTable.fileName.isEmpty else { return inner }
    return "#sourceLocation(file: \"\(lineTable.fileName)\", line: \(line))\n\(inner)\n#sourceLocation()"
  }

  /// Whether a recording call (`_vjp(recording:)`) can call `function` and take its rule's
  /// pullback: a value result and one to four value parameters, no effects. The runtime's
  /// overloads cover that shape only.
  static func canBeCalledByRecording(_ function: FunctionDeclaration) -> Bool {
    guard function.effects == nil, let result = function.resultType,
      (1...maximumParameterCount).contains(function.parameters.count)
    else { return false }
    if case .tuple(let elements) = result, elements.isEmpty { return false }
    return function.parameters.allSatisfy { parameter in
      switch parameter.type {
      case .inout, .function: return false
      default: return !parameter.isVariadic
      }
    }
  }

  /// The prologue's code, or nil when the function does not get one.
  private static func prologue(
    for function: FunctionDeclaration, declarationSource: String, placement: FunctionPlacement, lineTable: LineTable
  ) -> Code? {
    guard placement != .member, canBeCalledByRecording(function),
      !function.modifiers.contains(where: { ["mutating", "static", "class", "override"].contains($0) })
    else { return nil }
    let arguments = function.parameters.map { RuleNames.label($0.name) }.joined(separator: ", ")
    var body = Code()
    let ruleCall: String
    if placement == .local {
      // The peer `_vjp_f` next to a nested function is invisible here: declare the rule again.
      let rule: GeneratedSource
      if let forward = ForwardModeRule.rule(for: function, declarationSource: declarationSource, placement: .local) {
        rule = forward
      } else {
        rule = FunctionRuleGenerator.rule(for: function, placement: .local, lineTable: lineTable, isInlinable: false)
      }
      guard let source = rule.source, !rule.diagnostics.contains(where: { $0.severity == .error }) else { return nil }
      body.add(Code(source))
      ruleCall = "\(RuleNames.localFunctionPrefix)\(function.name)(\(arguments))"
    } else {
      ruleCall = "\(RuleNames.function)(\(RuleNames.label(function.name)): \(arguments))"
    }
    body.add("let _ad_rule = \(ruleCall)")
    body.add("_ad_recorder.pullback = _ad_rule.pullback")
    body.add("return _ad_rule.value")
    var code = Code()
    code.addBlock("if let _ad_recorder = _takePullbackRecorder(for: \"\(function.name)\") {", body)
    return code
  }
}
