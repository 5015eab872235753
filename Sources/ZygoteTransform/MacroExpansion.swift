/// What the compiler tells a macro about where it is expanded.
public struct ExpansionContext: Equatable, Sendable {
  /// The absolute path of the user's file (the host's `location.fileName`).
  public var fileName: String
  /// The 1-based line of the first character of the source handed to the macro.
  public var line: Int
  /// The 1-based column of the first character of the source handed to the macro.
  public var column: Int
  /// The sources of the enclosing declarations, innermost first (the host's `lexicalContext`).
  public var lexicalContext: [String]
  /// A string unique to this expansion, for names that must not clash.
  public var discriminator: String

  /// Creates an expansion context.
  public init(fileName: String = "", line: Int = 1, column: Int = 1, lexicalContext: [String] = [], discriminator: String = "") {
    self.fileName = fileName
    self.line = line
    self.column = column
    self.lexicalContext = lexicalContext
    self.discriminator = discriminator
  }
}

/// The answer to an expansion request: generated source, or diagnostics, or both.
public struct ExpansionResult: Equatable, Sendable {
  /// The generated Swift source; nil when the expansion failed (then `diagnostics` holds an error).
  public var expandedSource: String?
  /// Diagnostics with ranges in UTF-8 offsets relative to the start of the macro's source text
  /// (the declaration for attached macros, the expression for freestanding ones).
  public var diagnostics: [Diagnostic]

  /// Creates an expansion result.
  public init(expandedSource: String?, diagnostics: [Diagnostic]) {
    self.expandedSource = expandedSource
    self.diagnostics = diagnostics
  }
}

/// The transform's entry points, one per kind of macro request. Pure: source in, source or
/// diagnostics out.
public enum MacroExpander {
  /// Expands a freestanding expression macro such as `#gradient(f, at: 1.0)`.
  ///
  /// - Parameters:
  ///   - macroName: The macro's name without `#` (`gradient`, `derivative`, ...).
  ///   - source: The whole expansion expression as written, `#` included.
  ///   - context: Where the expansion happens.
  public static func expandFreestanding(macroName: String, source: String, context: ExpansionContext) -> ExpansionResult {
    FreestandingExpansion.expand(macroName: macroName, source: source, context: context)
  }

  /// Expands an attached macro such as `@Differentiable` on a function.
  ///
  /// - Parameters:
  ///   - macroName: The macro's name without `@` (`Differentiable`, `Adjoint`, `DifferentiableStruct`).
  ///   - role: The role the compiler asks for: `peer`, `member` or `extension`.
  ///   - attributeSource: The attribute as written (`@Adjoint(of: add)`).
  ///   - declarationSource: The declaration the attribute is attached to, attributes included.
  ///   - extendedType: For the `extension` role, the type to extend, as text.
  ///   - context: Where the expansion happens.
  public static func expandAttached(
    macroName: String, role: String, attributeSource: String, declarationSource: String,
    extendedType: String?, context: ExpansionContext
  ) -> ExpansionResult {
    AttachedExpansion.expand(
      macroName: macroName, role: role, attributeSource: attributeSource,
      declarationSource: declarationSource, extendedType: extendedType, context: context)
  }
}
