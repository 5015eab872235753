/// Expands every Zygote macro use in a Swift file and prints the result: the logic of the
/// `zygote-expand` tool (Julia's `@code_adjoint`, for a whole file).
///
/// Each use gets a section: a header comment naming the macro, the declaration and the line, then
/// the generated code, or the diagnostics in the compiler's format.
///
/// ```swift
/// let text = "@Differentiable\nfunc f(_ x: Double) -> Double { 5 * x + 3 }\n"
/// print(FileExpander.expand(fileText: text, fileName: "f.swift", onlyFunction: nil))
/// // // @Differentiable on f (f.swift:1)
/// // ...the pullback of f...
/// ```
///
/// Uses are found by scanning the file's tokens (see `MacroUseScanner`), not by parsing it, so a
/// file may contain anything. Each use is expanded the way the compiler would request it: the
/// declaration or expression source, its line and column, and the headers of the enclosing
/// declarations as the lexical context. The output depends on nothing but the arguments.
public enum FileExpander {
  /// The printed expansions of a file, and how many of them failed.
  public struct Report: Equatable, Sendable {
    /// What `zygote-expand` prints.
    public var text: String
    /// The number of macro uses expanded (after `--function` filtering).
    public var useCount: Int
    /// The number of error diagnostics printed.
    public var errorCount: Int
  }

  /// Expands every macro use in `fileText` and returns the printed report.
  ///
  /// - Parameters:
  ///   - fileText: The Swift file's contents.
  ///   - fileName: The name to print in headers and diagnostics (and to pass to the transform).
  ///   - onlyFunction: If given, only the uses on a declaration with this name and the uses
  ///     inside such a declaration.
  public static func expand(fileText: String, fileName: String, onlyFunction: String?) -> String {
    report(fileText: fileText, fileName: fileName, onlyFunction: onlyFunction).text
  }

  /// Like `expand(fileText:fileName:onlyFunction:)`, with the counts a command-line tool needs
  /// for its exit status.
  public static func report(fileText: String, fileName: String, onlyFunction: String?) -> Report {
    var uses = MacroUseScanner.scan(fileText)
    if let onlyFunction { uses = uses.filter { $0.belongs(to: onlyFunction) } }
    guard !uses.isEmpty else {
      let text =
        onlyFunction.map { "// no macro use on or inside '\($0)' in \(fileName)\n" }
        ?? "// no macro uses in \(fileName)\n"
      return Report(text: text, useCount: 0, errorCount: 0)
    }
    let file = SourceFile(fileText)
    var sections: [String] = []
    var errorCount = 0
    for use in uses {
      let (section, errors) = expand(use, in: file, fileName: fileName)
      sections.append(section)
      errorCount += errors
    }
    return Report(text: sections.joined(separator: "\n\n") + "\n", useCount: uses.count, errorCount: errorCount)
  }

  /// One use's section and its number of errors.
  static func expand(_ use: MacroUse, in file: SourceFile, fileName: String) -> (text: String, errors: Int) {
    let position = file.lineAndColumn(ofUTF8Offset: use.range.start)
    let context = ExpansionContext(
      fileName: fileName, line: position.line, column: position.column, lexicalContext: use.lexicalContext,
      discriminator: "zygote_expand_\(position.line)_\(position.column)_\(use.macroName)")
    let result: ExpansionResult
    switch use.kind {
    case .attached(let attribute, let role, let extendedType):
      result = MacroExpander.expandAttached(
        macroName: use.macroName, role: role, attributeSource: attribute, declarationSource: use.source,
        extendedType: extendedType, context: context)
    case .freestanding:
      result = MacroExpander.expandFreestanding(macroName: use.macroName, source: use.source, context: context)
    }

    var lines = ["// \(header(of: use)) (\(fileName):\(position.line))"]
    if let source = result.expandedSource {
      lines.append(trimmingTrailingBlankLines(source))
    }
    if case .attached(let attribute, "peer", _) = use.kind, use.macroName == "Differentiable", result.expandedSource == "",
      AttachedExpansion.placement(in: context) == .local
    {
      // A nested function's rule is declared in its body (its peer is invisible): show the body.
      let body = MacroExpander.expandAttached(
        macroName: use.macroName, role: "body", attributeSource: attribute, declarationSource: use.source,
        extendedType: nil, context: context)
      if let source = body.expandedSource {
        lines.append("// its body, with the rule (a nested function's peer is invisible to lookups):")
        lines.append(trimmingTrailingBlankLines(source))
      }
    }
    var errors = 0
    for diagnostic in result.diagnostics {
      let length = use.source.utf8.count
      let offset = use.range.start + min(max(diagnostic.range.start, 0), length)
      let at = file.lineAndColumn(ofUTF8Offset: offset)
      lines.append("\(fileName):\(at.line):\(at.column): \(diagnostic.severity.rawValue): \(diagnostic.message)")
      if diagnostic.severity == .error { errors += 1 }
    }
    if result.expandedSource == nil && errors == 0 {
      lines.append("\(fileName):\(position.line):\(position.column): error: the transform returned neither code nor an error")
      errors = 1
    }
    return (lines.joined(separator: "\n"), errors)
  }

  /// `@Differentiable on f`, `@DifferentiableStruct (member) on S`, `#gradient(g, at: 0.5, 2.0)`.
  static func header(of use: MacroUse) -> String {
    switch use.kind {
    case .attached(let attribute, let role, _):
      let roles = MacroUseScanner.attachedMacros[use.macroName] ?? []
      let shownRole = roles.count > 1 ? " (\(role))" : ""
      let name = use.declarationName.map { " on \($0)" } ?? ""
      return oneLine(attribute, limit: 60) + shownRole + name
    case .freestanding:
      return oneLine(use.source, limit: 60)
    }
  }

  /// `text` with each run of whitespace (line breaks included) shown as one space, cut after
  /// `limit` characters.
  static func oneLine(_ text: String, limit: Int) -> String {
    let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
    let joined = words.joined(separator: " ")
    return joined.count > limit ? String(joined.prefix(limit)) + "..." : joined
  }

  /// `text` without trailing whitespace-only lines.
  static func trimmingTrailingBlankLines(_ text: String) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    while let last = lines.last, last.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { lines.removeLast() }
    return lines.joined(separator: "\n")
  }
}
