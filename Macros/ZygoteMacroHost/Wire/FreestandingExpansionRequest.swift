/// The body of an `expandFreestandingMacro` message: expand `#name(...)`.
public struct FreestandingExpansionRequest: Equatable, Sendable {
  /// Which macro.
  public var macro: MacroReference
  /// The role asked for (`expression`, `declaration`, `codeItem`); nil from old hosts.
  public var macroRole: String?
  /// A string unique to this expansion, for names that must not clash.
  public var discriminator: String
  /// The macro expansion expression, `#` included, with its trivia.
  public var syntax: SyntaxPayload
  /// The enclosing declarations, innermost first.
  public var lexicalContext: [SyntaxPayload]

  /// Creates a request.
  public init(
    macro: MacroReference, macroRole: String? = "expression", discriminator: String = "",
    syntax: SyntaxPayload, lexicalContext: [SyntaxPayload] = []
  ) {
    self.macro = macro
    self.macroRole = macroRole
    self.discriminator = discriminator
    self.syntax = syntax
    self.lexicalContext = lexicalContext
  }

  init(reading reader: ObjectReader) throws(WireDecodingError) {
    macro = try MacroReference(reading: reader.object("macro"))
    macroRole = try reader.optionalString("macroRole")
    discriminator = try reader.optionalString("discriminator") ?? ""
    syntax = try SyntaxPayload(reading: reader.object("syntax"))
    let context = try reader.optionalArray("lexicalContext") ?? []
    lexicalContext = try reader.map(context, of: "lexicalContext") { reader throws(WireDecodingError) in
      try SyntaxPayload(reading: reader)
    }
  }

  var json: JSONValue {
    var members: [String: JSONValue] = [
      "macro": macro.json, "discriminator": .string(discriminator), "syntax": syntax.json,
      "lexicalContext": .array(lexicalContext.map(\.json)),
    ]
    if let macroRole { members["macroRole"] = .string(macroRole) }
    return .object(members)
  }
}
