// Nested derivatives: a `#derivative`, `#gradient`, ... written inside the closure literal of
// another. The compiler hands the outer macro its closure with the nested uses unexpanded (a
// macro may not expand to a use of itself), so the transform expands them here, inline.
//
// Design: reverse inside, forward outside. The outer use is expanded in forward mode: its
// closure, with every nested use replaced by that use's ordinary (reverse-mode) expansion, is
// evaluated on dual numbers by `_forwardGradient`. The nested reverse pass then runs on dual
// numbers, which is forward over reverse:
//
//     #derivative({ x in x * #derivative({ y in x * y }, at: 1.0) }, at: 4.0)
//       =>  _forwardGradient(at: 4.0, { x in x * { y in <reverse pass> }(_pin(1.0, level: x)) })
//
// Perturbation confusion cannot happen. Reverse mode creates no perturbation, so inside one
// forward level there is only one dual part. A nested use that holds nested uses itself is
// forward mode too, one dual level deeper; every nested point is pinned to the enclosing
// closure's argument (`_pin(p, level: x)`), so a literal point cannot take the enclosing dual
// type and mix the two levels' perturbations; and the arguments of the enclosing forward closures
// are lifted into the deeper level as constants (`{ [x = _lift(x, into: p)] y in ... }`). (The classic check: d/dx [x · d/dy (x·y)] at 4 is
// 8, not 4 or 16; see Tests/ZygoteTests/HigherOrder/NestedDerivativeTests.swift.)

enum NestedDerivatives {
  /// The macros whose nested uses make the enclosing use forward mode.
  static let derivativeMacros: Set<String> = [
    "gradient", "derivative", "valueWithGradient", "pullback", "hessian", "hessianVectorProduct", "jacobian",
    "pushforward",
  ]

  /// The outermost uses of derivative macros inside `range` of `source`, in order.
  static func nestedUses(in source: String, range: SourceRange) -> [SourceRange] {
    let bytes = Array(source.utf8)
    let start = min(max(range.start, 0), bytes.count)
    let end = min(max(range.end, start), bytes.count)
    let inner = String(decoding: bytes[start..<end], as: UTF8.self)
    let scanner = MacroUseScanner(text: inner)
    var outermost: [SourceRange] = []
    for use in scanner.freestandingRanges(in: scanner.file, depth: 0).sorted(by: { $0.start < $1.start }) {
      let name = String(decoding: Array(inner.utf8)[(use.start + 1)...].prefix { MacroUseScanner.isIdentifierByte($0) }, as: UTF8.self)
      guard derivativeMacros.contains(name) else { continue }
      if let last = outermost.last, use.start < last.end { continue }
      outermost.append(use)
    }
    return outermost.map { SourceRange(start: $0.start + start, end: $0.end + start) }
  }

  /// The forward-mode expansion of a use whose closure holds nested uses.
  ///
  /// - Parameters:
  ///   - source: the whole use's source; `closure` and `points` have ranges in it.
  ///   - level: the enclosing forward closure's argument, for a nested use; nil for the outermost.
  static func forwardExpansion(
    macroName: String, closure: ClosureExpression, points: [Argument], source: String, context: ExpansionContext,
    level: String?, outerArguments: [String] = []
  ) -> ExpansionResult {
    let function: String
    switch macroName {
    case "gradient", "derivative": function = "_forwardGradient"
    case "valueWithGradient": function = "_forwardValueWithGradient"
    default:
      return failure("#\(macroName) cannot hold a nested derivative; take the nested derivative inside #derivative, #gradient or #valueWithGradient", at: closure.range)
    }
    guard points.count <= 2 else {
      return failure("a #\(macroName) that holds a nested derivative takes one or two points (it runs in forward mode, one pass per input)", at: points[2].range)
    }
    guard let argument = closure.parameters.first?.name else {
      return failure("name the closure's arguments ({ x in ... }) when it holds a nested derivative: the nested points are typed by them", at: closure.range)
    }
    if closure.parameters.contains(where: { $0.type != nil }) || closure.resultType != nil {
      return failure("leave out the types in a closure that holds a nested derivative: it is evaluated on Dual numbers", at: closure.range)
    }
    let pointTexts = points.map { pinned($0.value.swiftSource, level: level) }

    // The closure's text with each nested use replaced by its expansion.
    let bytes = Array(source.utf8)
    var text = ""
    var position = closure.range.start
    var diagnostics: [Diagnostic] = []
    for use in nestedUses(in: source, range: closure.range) {
      text += String(decoding: bytes[position..<use.start], as: UTF8.self)
      let useSource = String(decoding: bytes[use.start..<use.end], as: UTF8.self)
      let line = context.line + bytes[0..<use.start].reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
      var nestedContext = context
      nestedContext.line = line
      let result = expandNested(useSource, level: argument, outerArguments: outerArguments + [argument], context: nestedContext)
      diagnostics += result.diagnostics.map { $0.shifted(by: use.start) }
      guard let expanded = result.expandedSource else { return ExpansionResult(expandedSource: nil, diagnostics: diagnostics) }
      text += "(\(expanded))"
      position = use.end
    }
    text += String(decoding: bytes[position..<closure.range.end], as: UTF8.self)
    // One level deeper than its enclosing forward closures, this closure sees their arguments
    // lifted to its own level (constants there), through a capture list evaluated outside it.
    let used = IdentifierScan.words(in: text)
    let lifted = outerArguments.filter(used.contains)
    if level != nil, !lifted.isEmpty {
      if closure.captureList != nil {
        return failure("a closure with a capture list cannot hold a nested derivative inside another one", at: closure.range)
      }
      let lifts = lifted.map { "\($0) = _lift(\($0), into: \(pointTexts[0]))" }.joined(separator: ", ")
      text = "{ [\(lifts)]" + text.dropFirst()
    }
    return ExpansionResult(expandedSource: "\(function)(at: \(pointTexts.joined(separator: ", ")), \(text))", diagnostics: diagnostics)
  }

  /// The expansion of one nested use, with its points pinned to `level`.
  static func expandNested(_ source: String, level: String, outerArguments: [String], context: ExpansionContext) -> ExpansionResult {
    let (expression, parseDiagnostics) = SwiftParser.parseExpression(source)
    if let error = parseDiagnostics.first(where: { $0.severity == .error }) {
      return ExpansionResult(expandedSource: nil, diagnostics: [error])
    }
    let whole = SourceRange(start: 0, end: source.utf8.count)
    guard case .macroExpansion(let name, let arguments, let trailing, _)? = expression else {
      return ExpansionResult(expandedSource: nil, diagnostics: [.error("this nested macro could not be read", at: whole)])
    }
    guard trailing.isEmpty else {
      return ExpansionResult(expandedSource: nil, diagnostics: [
        .error("#\(name) with a trailing closure (implicit parameters) cannot be nested in another derivative", at: whole)
      ])
    }
    // A nested use that holds nested uses is forward mode, one level deeper.
    if let function = arguments.first, case .closure(let closure) = function.value,
      !nestedUses(in: source, range: closure.range).isEmpty
    {
      return forwardExpansion(
        macroName: name, closure: closure, points: Array(arguments.dropFirst()), source: source, context: context,
        level: level, outerArguments: outerArguments)
    }
    // Otherwise its ordinary expansion, with every point pinned: rewrite the points in the text.
    let bytes = Array(source.utf8)
    var rewritten = ""
    var position = 0
    for argument in arguments.dropFirst() where argument.label == nil || argument.label == "at" || argument.label == "direction" {
      let value = argument.value.range
      rewritten += String(decoding: bytes[position..<value.start], as: UTF8.self)
      rewritten += pinned(argument.value.swiftSource, level: level)
      position = value.end
    }
    rewritten += String(decoding: bytes[position...], as: UTF8.self)
    let result = FreestandingExpansion.expand(macroName: name, source: rewritten, context: context)
    // Diagnostics point into the rewritten text; map them to the use as written.
    return ExpansionResult(
      expandedSource: result.expandedSource,
      diagnostics: result.diagnostics.map { $0.clamped(to: source.utf8.count) })
  }

  /// `_pin(point, level: level)`, or the point itself at the outermost level.
  static func pinned(_ point: String, level: String?) -> String {
    guard let level else { return point }
    return "_pin(\(point), level: \(level))"
  }

  private static func failure(_ message: String, at range: SourceRange) -> ExpansionResult {
    ExpansionResult(expandedSource: nil, diagnostics: [.error(message, at: range)])
  }
}

extension Diagnostic {
  /// The diagnostic with its ranges moved by `offset` bytes.
  func shifted(by offset: Int) -> Diagnostic {
    var copy = self
    copy.range = SourceRange(start: range.start + offset, end: range.end + offset)
    copy.fixIts = fixIts.map { fixIt in
      var moved = fixIt
      moved.range = SourceRange(start: fixIt.range.start + offset, end: fixIt.range.end + offset)
      return moved
    }
    return copy
  }

  /// The diagnostic with its range kept inside `length` bytes.
  func clamped(to length: Int) -> Diagnostic {
    var copy = self
    copy.range = SourceRange(start: min(range.start, length), end: min(range.end, length))
    copy.fixIts = []
    return copy
  }
}
