import ZygoteTransform

/// The transform's two entry points as values, so tests can drive ``MessageHandler`` with a
/// stand-in and check exactly what it receives. ``transform`` is the real one.
public struct Expander: Sendable {
  /// Expands a freestanding macro: `(macroName, source, context)`.
  public var freestanding: @Sendable (_ macroName: String, _ source: String, _ context: ExpansionContext) -> ExpansionResult
  /// Expands an attached macro:
  /// `(macroName, role, attributeSource, declarationSource, extendedType, context)`.
  public var attached: @Sendable (
    _ macroName: String, _ role: String, _ attributeSource: String, _ declarationSource: String,
    _ extendedType: String?, _ context: ExpansionContext
  ) -> ExpansionResult

  /// Creates an expander from two functions.
  public init(
    freestanding: @escaping @Sendable (String, String, ExpansionContext) -> ExpansionResult,
    attached: @escaping @Sendable (String, String, String, String, String?, ExpansionContext) -> ExpansionResult
  ) {
    self.freestanding = freestanding
    self.attached = attached
  }

  /// ZygoteTransform's ``MacroExpander``.
  public static let transform = Expander(
    freestanding: { name, source, context in
      MacroExpander.expandFreestanding(macroName: name, source: source, context: context)
    },
    attached: { name, role, attribute, declaration, extendedType, context in
      MacroExpander.expandAttached(
        macroName: name, role: role, attributeSource: attribute, declarationSource: declaration,
        extendedType: extendedType, context: context)
    })
}
