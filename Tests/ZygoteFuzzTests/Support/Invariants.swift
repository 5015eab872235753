import ZygoteTransform

/// What must hold for every input, whatever it is. Each check returns a description of the first
/// violation, or nil.
enum Invariants {
  /// An expansion produced code, or explained with an error why not; every diagnostic and fix-it
  /// range lies inside the source.
  static func check(_ result: ExpansionResult, sourceLength: Int) -> String? {
    if result.expandedSource == nil && !result.diagnostics.contains(where: { $0.severity == .error }) {
      return "no expanded source and no error diagnostic (diagnostics: \(result.diagnostics))"
    }
    return check(result.diagnostics, sourceLength: sourceLength)
  }

  /// Every diagnostic and fix-it range lies in `0...sourceLength`, start before end.
  static func check(_ diagnostics: [Diagnostic], sourceLength: Int) -> String? {
    for diagnostic in diagnostics {
      if let problem = check(diagnostic.range, sourceLength: sourceLength) {
        return "diagnostic '\(diagnostic.message)': \(problem)"
      }
      for fixIt in diagnostic.fixIts {
        if let problem = check(fixIt.range, sourceLength: sourceLength) {
          return "fix-it '\(fixIt.message)' of '\(diagnostic.message)': \(problem)"
        }
      }
    }
    return nil
  }

  /// The parser's own promises: at most ten errors, and every range in the tree and in the
  /// diagnostics inside the source.
  static func checkParse(tree: Any, diagnostics: [Diagnostic], sourceLength: Int) -> String? {
    let errors = diagnostics.filter { $0.severity == .error }.count
    if errors > 10 { return "\(errors) errors; the parser promises at most ten" }
    if let problem = check(diagnostics, sourceLength: sourceLength) { return problem }
    var budget = 50_000
    return firstBadRange(in: tree, sourceLength: sourceLength, budget: &budget)
  }

  /// Code generated from a well-formed source parses without errors with our own parser, and
  /// declares every adjoint it accumulates into (`_accumulate(&_ad_d_x, ...)` needs a
  /// `var _ad_d_x`).
  static func checkGeneratedCode(_ code: String?, isExpression: Bool) -> String? {
    guard let code else { return nil }
    let diagnostics = isExpression ? SwiftParser.parseExpression(code).diagnostics : SwiftParser.parseFile(code).diagnostics
    if let error = diagnostics.first(where: { $0.severity == .error }) {
      let start = code.utf8.index(code.utf8.startIndex, offsetBy: min(max(error.range.start, 0), code.utf8.count))
      let context = String(decoding: code.utf8[start...].prefix(60), as: UTF8.self)
      return "the generated code does not parse: \(error.message) at \"\(context)\"\n\(code)"
    }
    for name in adjointNames(in: code, after: "&") where !code.contains("var \(name) ") && !code.contains("let \(name) ") {
      return "the generated code accumulates into \(name), which it never declares\n\(code)"
    }
    return nil
  }

  /// The `_ad_d_...` identifiers that directly follow `marker` in `code`.
  static func adjointNames(in code: String, after marker: String) -> Set<String> {
    var names = Set<String>()
    var rest = code[...]
    while let range = rest.firstRange(of: marker + "_ad_d_") {
      let name = rest[range.lowerBound...].dropFirst(marker.count).prefix { $0.isLetter || $0.isNumber || $0 == "_" }
      names.insert(String(name))
      rest = rest[range.upperBound...]
    }
    return names
  }

  /// `nil` when `0 <= start <= end <= sourceLength`.
  static func check(_ range: SourceRange, sourceLength: Int) -> String? {
    guard 0 <= range.start, range.start <= range.end, range.end <= sourceLength else {
      return "range \(range.start)..<\(range.end) outside the source's 0...\(sourceLength)"
    }
    return nil
  }

  /// The first `SourceRange` in `value` (an AST, walked by reflection) that lies outside the
  /// source; visits at most `budget` values.
  static func firstBadRange(in value: Any, sourceLength: Int, budget: inout Int) -> String? {
    guard budget > 0 else { return nil }
    budget -= 1
    if let range = value as? SourceRange {
      return check(range, sourceLength: sourceLength).map { "AST node: \($0)" }
    }
    if value is String || value is Int || value is Bool { return nil }
    for child in Mirror(reflecting: value).children {
      if let problem = firstBadRange(in: child.value, sourceLength: sourceLength, budget: &budget) { return problem }
    }
    return nil
  }
}

extension FuzzInput {
  /// Feeds the input to its entry point and checks the invariants; returns the first violation.
  func run() -> String? {
    let length = source.utf8.count
    let context = ExpansionContext(fileName: "/fuzz/input.swift", line: 7, column: 3, lexicalContext: [], discriminator: "fuzz")
    switch target {
    case .attached(let macroName, let role, let attribute, let extendedType):
      let result = MacroExpander.expandAttached(
        macroName: macroName, role: role, attributeSource: attribute, declarationSource: source,
        extendedType: extendedType, context: context)
      if let problem = Invariants.check(result, sourceLength: length) { return problem }
      // A body expansion is a braced block: check it as the body of a function.
      let code = role == "body" ? result.expandedSource.map { "func _fuzzBody() " + $0 } : result.expandedSource
      return isWellFormed ? Invariants.checkGeneratedCode(code, isExpression: false) : nil
    case .freestanding(let macroName):
      let result = MacroExpander.expandFreestanding(macroName: macroName, source: source, context: context)
      if let problem = Invariants.check(result, sourceLength: length) { return problem }
      return isWellFormed ? Invariants.checkGeneratedCode(result.expandedSource, isExpression: true) : nil
    case .parseDeclaration:
      let (declaration, diagnostics) = SwiftParser.parseDeclaration(source)
      if declaration == nil && !diagnostics.contains(where: { $0.severity == .error }) {
        return "parseDeclaration returned no declaration and no error"
      }
      return Invariants.checkParse(tree: declaration as Any, diagnostics: diagnostics, sourceLength: length)
    case .parseExpression:
      let (expression, diagnostics) = SwiftParser.parseExpression(source)
      if expression == nil && !diagnostics.contains(where: { $0.severity == .error }) {
        return "parseExpression returned no expression and no error"
      }
      return Invariants.checkParse(tree: expression as Any, diagnostics: diagnostics, sourceLength: length)
    case .parseFile:
      let (items, diagnostics) = SwiftParser.parseFile(source)
      return Invariants.checkParse(tree: items, diagnostics: diagnostics, sourceLength: length)
    case .expandFile:
      let output = FileExpander.expand(fileText: source, fileName: "input.swift", onlyFunction: nil)
      return output.isEmpty ? "zygote-expand printed nothing" : nil
    }
  }
}
