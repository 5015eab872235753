enum AttachedExpansion {
  static func expand(
    macroName: String, role: String, attributeSource: String, declarationSource: String,
    extendedType: String?, context: ExpansionContext
  ) -> ExpansionResult {
    ExpansionResult(expandedSource: nil, diagnostics: [.error("@\(macroName) is not implemented yet", at: SourceRange(start: 0, end: declarationSource.utf8.count))])
  }
}
