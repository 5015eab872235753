import ZygoteTransform

extension WireDiagnostic {
  /// The wire form of a transform diagnostic whose ranges are relative to `anchor`'s source.
  ///
  /// The caret goes to the start of the range after any leading trivia and the range is
  /// underlined; fix-it ranges are converted exactly.
  init(_ diagnostic: Diagnostic, relativeTo anchor: SourceAnchor) {
    let shown = anchor.displayedRange(start: diagnostic.range.start, end: diagnostic.range.end)
    self.init(
      message: diagnostic.message,
      severity: Severity(rawValue: diagnostic.severity.rawValue) ?? .error,
      position: Position(fileName: shown.fileName, offset: shown.startOffset),
      highlights: shown.endOffset > shown.startOffset ? [shown] : [],
      notes: [],
      fixIts: diagnostic.fixIts.map { fixIt in
        FixIt(
          message: fixIt.message,
          changes: [
            FixIt.Change(
              range: anchor.exactRange(start: fixIt.range.start, end: fixIt.range.end),
              newText: fixIt.replacement)
          ])
      })
  }

  /// An error the plugin itself reports at `position` (a request it cannot serve).
  static func pluginError(_ message: String, at position: Position = .invalid) -> WireDiagnostic {
    WireDiagnostic(message: message, severity: .error, position: position)
  }
}
