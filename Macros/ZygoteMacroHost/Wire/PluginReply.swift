/// A message from the plugin to the compiler, one per ``HostMessage``.
public enum PluginReply: Equatable, Sendable {
  /// Answers `getCapability`.
  case getCapabilityResult(protocolVersion: Int, features: [String])
  /// Answers both expansion requests (hosts of protocol version 5 and later). A nil source with
  /// an error diagnostic means the expansion failed.
  case expandMacroResult(expandedSource: String?, diagnostics: [WireDiagnostic])
  /// Answers `expandFreestandingMacro` for hosts older than version 5.
  case expandFreestandingMacroResult(expandedSource: String?, diagnostics: [WireDiagnostic])
  /// Answers `expandAttachedMacro` for hosts older than version 5.
  case expandAttachedMacroResult(expandedSources: [String]?, diagnostics: [WireDiagnostic])
  /// Answers `loadPluginLibrary`.
  case loadPluginLibraryResult(loaded: Bool, diagnostics: [WireDiagnostic])

  /// The diagnostics the reply carries.
  public var diagnostics: [WireDiagnostic] {
    switch self {
    case .getCapabilityResult: []
    case .expandMacroResult(_, let diagnostics), .expandFreestandingMacroResult(_, let diagnostics),
      .expandAttachedMacroResult(_, let diagnostics), .loadPluginLibraryResult(_, let diagnostics):
      diagnostics
    }
  }

  /// The reply as the protocol's JSON.
  public var json: JSONValue {
    switch self {
    case .getCapabilityResult(let version, let features):
      let capability: JSONValue = .object([
        "protocolVersion": .integer(version), "features": .array(features.map(JSONValue.string)),
      ])
      return .object(["getCapabilityResult": .object(["capability": capability])])
    case .expandMacroResult(let source, let diagnostics):
      return .object(["expandMacroResult": Self.expansionBody("expandedSource", source.map(JSONValue.string), diagnostics)])
    case .expandFreestandingMacroResult(let source, let diagnostics):
      return .object([
        "expandFreestandingMacroResult": Self.expansionBody("expandedSource", source.map(JSONValue.string), diagnostics)
      ])
    case .expandAttachedMacroResult(let sources, let diagnostics):
      let value = sources.map { JSONValue.array($0.map(JSONValue.string)) }
      return .object(["expandAttachedMacroResult": Self.expansionBody("expandedSources", value, diagnostics)])
    case .loadPluginLibraryResult(let loaded, let diagnostics):
      return .object([
        "loadPluginLibraryResult": .object([
          "loaded": .bool(loaded), "diagnostics": .array(diagnostics.map(\.json)),
        ])
      ])
    }
  }

  private static func expansionBody(_ key: String, _ source: JSONValue?, _ diagnostics: [WireDiagnostic]) -> JSONValue {
    .object([key: source ?? .null, "diagnostics": .array(diagnostics.map(\.json))])
  }

  /// Decodes a reply (what a host does; used by tests and tools that drive the plugin).
  public init(json: JSONValue) throws(WireDecodingError) {
    guard case .object(let members) = json, members.count == 1, let first = members.first else {
      throw WireDecodingError(path: "", reason: "expected an object with one member naming the reply")
    }
    let reader = try ObjectReader(first.value, path: first.key)
    func diagnostics(_ reader: ObjectReader) throws(WireDecodingError) -> [WireDiagnostic] {
      try reader.map(reader.array("diagnostics"), of: "diagnostics") { reader throws(WireDecodingError) in
        try WireDiagnostic(reading: reader)
      }
    }
    switch first.key {
    case "getCapabilityResult":
      let capability = try reader.object("capability")
      let features = try capability.optionalArray("features") ?? []
      self = .getCapabilityResult(
        protocolVersion: try capability.int("protocolVersion"), features: features.compactMap(\.stringValue))
    case "expandMacroResult":
      self = .expandMacroResult(expandedSource: try reader.optionalString("expandedSource"), diagnostics: try diagnostics(reader))
    case "expandFreestandingMacroResult":
      self = .expandFreestandingMacroResult(
        expandedSource: try reader.optionalString("expandedSource"), diagnostics: try diagnostics(reader))
    case "expandAttachedMacroResult":
      let sources = try reader.optionalArray("expandedSources")?.compactMap(\.stringValue)
      self = .expandAttachedMacroResult(expandedSources: sources, diagnostics: try diagnostics(reader))
    case "loadPluginLibraryResult":
      self = .loadPluginLibraryResult(loaded: try reader.bool("loaded"), diagnostics: try diagnostics(reader))
    default:
      throw WireDecodingError(path: first.key, reason: "unknown reply kind '\(first.key)'")
    }
  }
}
