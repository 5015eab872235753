/// A message from the compiler to the plugin. On the wire: a JSON object whose single member
/// names the case, e.g. `{"getCapability":{"capability":{"protocolVersion":7}}}`.
public enum HostMessage: Equatable, Sendable {
  /// The host tells its protocol version (if any) and asks for the plugin's.
  case getCapability(protocolVersion: Int?)
  /// Expand a freestanding macro (`#gradient(...)`).
  case expandFreestandingMacro(FreestandingExpansionRequest)
  /// Expand an attached macro (`@Differentiable`) in one role.
  case expandAttachedMacro(AttachedExpansionRequest)
  /// Load a library plugin. Only sent to plugins advertising `load-plugin-library`.
  case loadPluginLibrary(libraryPath: String, moduleName: String)

  /// Decodes a message. A well-formed object of an unknown kind throws, naming the kind.
  public init(json: JSONValue) throws(WireDecodingError) {
    guard case .object(let members) = json else {
      throw WireDecodingError(path: "", reason: "expected a message object, found \(json.kindName)")
    }
    guard members.count == 1, let (kind, body) = members.first.map({ ($0.key, $0.value) }) else {
      let kinds = members.keys.sorted().joined(separator: ", ")
      throw WireDecodingError(path: "", reason: "expected an object with one member naming the message, found {\(kinds)}")
    }
    let reader = try ObjectReader(body, path: kind)
    switch kind {
    case "getCapability":
      let capability = try reader.optionalObject("capability")
      self = .getCapability(protocolVersion: try capability?.int("protocolVersion"))
    case "expandFreestandingMacro":
      self = .expandFreestandingMacro(try FreestandingExpansionRequest(reading: reader))
    case "expandAttachedMacro":
      self = .expandAttachedMacro(try AttachedExpansionRequest(reading: reader))
    case "loadPluginLibrary":
      self = .loadPluginLibrary(libraryPath: try reader.string("libraryPath"), moduleName: try reader.string("moduleName"))
    default:
      throw WireDecodingError(path: kind, reason: "unknown message kind '\(kind)'")
    }
  }

  /// The message as JSON, as a host would send it.
  public var json: JSONValue {
    switch self {
    case .getCapability(let version):
      let capability: JSONValue = version.map { .object(["protocolVersion": .integer($0)]) } ?? .null
      return .object(["getCapability": .object(["capability": capability])])
    case .expandFreestandingMacro(let request):
      return .object(["expandFreestandingMacro": request.json])
    case .expandAttachedMacro(let request):
      return .object(["expandAttachedMacro": request.json])
    case .loadPluginLibrary(let libraryPath, let moduleName):
      return .object([
        "loadPluginLibrary": .object(["libraryPath": .string(libraryPath), "moduleName": .string(moduleName)])
      ])
    }
  }
}
