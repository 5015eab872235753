import ZygoteMacroHost
import ZygoteTransform

/// What a stand-in transform was called with.
struct ExpansionCall: Equatable {
  var macroName: String
  var role: String?
  var source: String
  var attributeSource: String?
  var extendedType: String?
  var context: ExpansionContext
}

/// Remembers calls; `Expander`'s closures are `@Sendable`, hence the lock-free box used only
/// from the test's own thread.
final class CallLog: @unchecked Sendable {
  var calls: [ExpansionCall] = []
}

extension Expander {
  /// Echoes the source back, without diagnostics.
  static let echo = Expander(
    freestanding: { _, source, _ in ExpansionResult(expandedSource: source, diagnostics: []) },
    attached: { _, _, _, declaration, _, _ in ExpansionResult(expandedSource: declaration, diagnostics: []) })

  /// Records every call in `log` and answers with `result`.
  static func recording(into log: CallLog, answering result: ExpansionResult) -> Expander {
    Expander(
      freestanding: { name, source, context in
        log.calls.append(
          ExpansionCall(macroName: name, role: nil, source: source, attributeSource: nil, extendedType: nil, context: context))
        return result
      },
      attached: { name, role, attribute, declaration, extendedType, context in
        log.calls.append(
          ExpansionCall(
            macroName: name, role: role, source: declaration, attributeSource: attribute, extendedType: extendedType,
            context: context))
        return result
      })
  }
}
