/// The body of an `expandAttachedMacro` message: expand `@Name` on a declaration, in one role.
public struct AttachedExpansionRequest: Equatable, Sendable {
  /// Which macro.
  public var macro: MacroReference
  /// The role asked for: `peer`, `member`, `extension`, `memberAttribute`, `accessor`, ...
  public var macroRole: String
  /// A string unique to this expansion, for names that must not clash.
  public var discriminator: String
  /// The attribute, `@` included, with its trivia.
  public var attributeSyntax: SyntaxPayload
  /// The declaration the attribute is attached to, attributes and leading trivia included.
  public var declSyntax: SyntaxPayload
  /// For a `memberAttribute` expansion, the type or extension whose member this is.
  public var parentDeclSyntax: SyntaxPayload?
  /// For an `extension` expansion, the type to extend.
  public var extendedTypeSyntax: SyntaxPayload?
  /// For an `extension` expansion, the conformances still missing, as `struct Placeholder: P {}`.
  public var conformanceListSyntax: SyntaxPayload?
  /// The enclosing declarations, innermost first.
  public var lexicalContext: [SyntaxPayload]

  /// Creates a request.
  public init(
    macro: MacroReference, macroRole: String, discriminator: String = "",
    attributeSyntax: SyntaxPayload, declSyntax: SyntaxPayload,
    parentDeclSyntax: SyntaxPayload? = nil, extendedTypeSyntax: SyntaxPayload? = nil,
    conformanceListSyntax: SyntaxPayload? = nil, lexicalContext: [SyntaxPayload] = []
  ) {
    self.macro = macro
    self.macroRole = macroRole
    self.discriminator = discriminator
    self.attributeSyntax = attributeSyntax
    self.declSyntax = declSyntax
    self.parentDeclSyntax = parentDeclSyntax
    self.extendedTypeSyntax = extendedTypeSyntax
    self.conformanceListSyntax = conformanceListSyntax
    self.lexicalContext = lexicalContext
  }

  init(reading reader: ObjectReader) throws(WireDecodingError) {
    macro = try MacroReference(reading: reader.object("macro"))
    macroRole = try reader.string("macroRole")
    discriminator = try reader.optionalString("discriminator") ?? ""
    attributeSyntax = try SyntaxPayload(reading: reader.object("attributeSyntax"))
    declSyntax = try SyntaxPayload(reading: reader.object("declSyntax"))
    parentDeclSyntax = try reader.optionalObject("parentDeclSyntax").map { reader throws(WireDecodingError) in
      try SyntaxPayload(reading: reader)
    }
    extendedTypeSyntax = try reader.optionalObject("extendedTypeSyntax").map { reader throws(WireDecodingError) in
      try SyntaxPayload(reading: reader)
    }
    conformanceListSyntax = try reader.optionalObject("conformanceListSyntax").map { reader throws(WireDecodingError) in
      try SyntaxPayload(reading: reader)
    }
    let context = try reader.optionalArray("lexicalContext") ?? []
    lexicalContext = try reader.map(context, of: "lexicalContext") { reader throws(WireDecodingError) in
      try SyntaxPayload(reading: reader)
    }
  }

  var json: JSONValue {
    var members: [String: JSONValue] = [
      "macro": macro.json, "macroRole": .string(macroRole), "discriminator": .string(discriminator),
      "attributeSyntax": attributeSyntax.json, "declSyntax": declSyntax.json,
      "lexicalContext": .array(lexicalContext.map(\.json)),
    ]
    if let parentDeclSyntax { members["parentDeclSyntax"] = parentDeclSyntax.json }
    if let extendedTypeSyntax { members["extendedTypeSyntax"] = extendedTypeSyntax.json }
    if let conformanceListSyntax { members["conformanceListSyntax"] = conformanceListSyntax.json }
    return .object(members)
  }
}
