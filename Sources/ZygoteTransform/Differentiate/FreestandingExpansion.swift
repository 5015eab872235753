enum FreestandingExpansion {
  static func expand(macroName: String, source: String, context: ExpansionContext) -> ExpansionResult {
    ExpansionResult(expandedSource: nil, diagnostics: [.error("#\(macroName) is not implemented yet", at: SourceRange(start: 0, end: source.utf8.count))])
  }
}
