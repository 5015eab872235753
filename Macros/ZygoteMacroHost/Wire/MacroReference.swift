/// Which macro the host asks to expand: `macro` in an expansion request.
public struct MacroReference: Equatable, Sendable {
  /// The module named in `#externalMacro(module:type:)`, `ZygoteMacros`.
  public var moduleName: String
  /// The type named in `#externalMacro(module:type:)`.
  public var typeName: String
  /// The macro's name as the host spells it at the use site (see ``MacroName``).
  public var name: String

  /// Creates a macro reference.
  public init(moduleName: String, typeName: String, name: String) {
    self.moduleName = moduleName
    self.typeName = typeName
    self.name = name
  }

  init(reading reader: ObjectReader) throws(WireDecodingError) {
    moduleName = try reader.string("moduleName")
    typeName = try reader.string("typeName")
    name = try reader.string("name")
  }

  var json: JSONValue {
    .object(["moduleName": .string(moduleName), "typeName": .string(typeName), "name": .string(name)])
  }
}
