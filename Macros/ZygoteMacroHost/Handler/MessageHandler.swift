import ZygoteTransform

/// Answers each message from the compiler with exactly one reply: no I/O, no traps.
///
/// Its only state is the host's protocol version, learnt from `getCapability`, which picks the
/// shape of expansion replies (as swift-syntax does, a host that has not told its version is
/// assumed to be old). Every request it cannot serve (an unknown kind, a missing field, a
/// library to load) is answered with an error diagnostic, never by failing.
public struct MessageHandler {
  /// The version the host announced; 0 until it does.
  public private(set) var hostProtocolVersion: Int
  /// Where expansions are computed.
  public let expander: Expander

  /// Creates a handler. `hostProtocolVersion` presets what `getCapability` would tell.
  public init(expander: Expander = .transform, hostProtocolVersion: Int = 0) {
    self.expander = expander
    self.hostProtocolVersion = hostProtocolVersion
  }

  /// The reply to a decoded JSON message; a message that does not decode gets a diagnostic.
  public mutating func handle(json: JSONValue) -> PluginReply {
    let message: HostMessage
    do throws(WireDecodingError) {
      message = try HostMessage(json: json)
    } catch {
      let diagnostic = WireDiagnostic.pluginError(
        "ZygoteMacros cannot read the compiler's request (\(error)); the compiler and the plugin may speak different protocol versions",
        at: Self.bestEffortPosition(in: json))
      return expansionReply(source: nil, diagnostics: [diagnostic], attached: false)
    }
    return handle(message)
  }

  /// The reply to a message.
  public mutating func handle(_ message: HostMessage) -> PluginReply {
    switch message {
    case .getCapability(let version):
      // A host that sends no capability predates the field: the oldest protocol.
      hostProtocolVersion = version ?? 0
      return .getCapabilityResult(protocolVersion: ProtocolVersion.current, features: ProtocolVersion.features)
    case .expandFreestandingMacro(let request):
      return expand(request)
    case .expandAttachedMacro(let request):
      return expand(request)
    case .loadPluginLibrary(let libraryPath, _):
      let diagnostic = WireDiagnostic.pluginError(
        "ZygoteMacros is an executable plugin and cannot load the library '\(libraryPath)'")
      return .loadPluginLibraryResult(loaded: false, diagnostics: [diagnostic])
    }
  }

  // MARK: Expansions

  private func expand(_ request: FreestandingExpansionRequest) -> PluginReply {
    let name = MacroName.normalize(request.macro.name)
    let anchor = SourceAnchor(request.syntax)
    let context = Self.context(request.syntax, request.lexicalContext, request.discriminator)
    let result = expander.freestanding(name, request.syntax.source, context)
    return reply(to: result, anchor: anchor, describing: "#\(name)", attached: false)
  }

  private func expand(_ request: AttachedExpansionRequest) -> PluginReply {
    let name = MacroName.normalize(request.macro.name)
    // The transform's ranges are relative to the declaration's source.
    let anchor = SourceAnchor(request.declSyntax)
    let context = Self.context(request.declSyntax, request.lexicalContext, request.discriminator)
    let result = expander.attached(
      name, request.macroRole, request.attributeSyntax.source, request.declSyntax.source,
      request.extendedTypeSyntax?.source, context)
    return reply(to: result, anchor: anchor, describing: "@\(name)", attached: true)
  }

  /// The expansion context for a node: its location *is* that of `source`'s first character
  /// (trivia included), so line and column pass through unchanged.
  private static func context(
    _ syntax: SyntaxPayload, _ lexicalContext: [SyntaxPayload], _ discriminator: String
  ) -> ExpansionContext {
    ExpansionContext(
      fileName: syntax.location.fileName, line: max(syntax.location.line, 1),
      column: max(syntax.location.column, 1), lexicalContext: lexicalContext.map(\.source),
      discriminator: discriminator)
  }

  private func reply(to result: ExpansionResult, anchor: SourceAnchor, describing macro: String, attached: Bool) -> PluginReply {
    var diagnostics = result.diagnostics.map { WireDiagnostic($0, relativeTo: anchor) }
    if result.expandedSource == nil && !diagnostics.contains(where: { $0.severity == .error }) {
      // The host needs an error to explain a failed expansion.
      let shown = anchor.displayedRange(start: 0, end: anchor.utf8.count)
      diagnostics.append(
        .pluginError(
          "\(macro) could not be expanded", at: .init(fileName: shown.fileName, offset: shown.startOffset)))
    }
    return expansionReply(source: result.expandedSource, diagnostics: diagnostics, attached: attached)
  }

  private func expansionReply(source: String?, diagnostics: [WireDiagnostic], attached: Bool) -> PluginReply {
    if hostProtocolVersion >= ProtocolVersion.unifiedExpansionResult {
      return .expandMacroResult(expandedSource: source, diagnostics: diagnostics)
    }
    if attached {
      return .expandAttachedMacroResult(expandedSources: source.map { [$0] }, diagnostics: diagnostics)
    }
    return .expandFreestandingMacroResult(expandedSource: source, diagnostics: diagnostics)
  }

  /// The node's position in a request that failed to decode, when it can still be found.
  static func bestEffortPosition(in json: JSONValue) -> WireDiagnostic.Position {
    guard case .object(let members) = json, let body = members.first?.value else { return .invalid }
    for key in ["syntax", "declSyntax", "attributeSyntax"] {
      if let location = body[key]?["location"], let fileName = location["fileName"]?.stringValue,
        let offset = location["offset"]?.intValue, offset >= 0
      {
        return .init(fileName: fileName, offset: offset)
      }
    }
    return .invalid
  }
}
