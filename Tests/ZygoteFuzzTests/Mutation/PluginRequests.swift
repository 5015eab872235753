import ZygoteMacroHost
import ZygoteTestSupport

/// Requests and byte streams for the plugin executable: expansion requests carrying mutated
/// sources and odd locations, messages the plugin does not expect, and broken framing.
enum PluginRequests {
  /// The file name every expansion request claims, unless it picks an odd one.
  static let fileName = "/fuzz/plugin.swift"

  /// What one request asks, and what a correct reply must look like.
  struct Request {
    /// The message.
    var message: JSONValue
    /// The source whose offsets diagnostics may point into, with where the host says it
    /// starts (nil for a message that is not an expansion request).
    var anchor: (fileName: String, offset: Int, length: Int)?
    /// A short description for failure messages.
    var summary: String
  }

  /// Request `index` of a run: mostly expansion requests with mutated sources.
  static func request(using generator: inout SplitMix64) -> Request {
    let roll = generator.below(100)
    if roll < 5 { return oddMessage(using: &generator) }
    var input = FuzzInput.generate(using: &generator)
    if input.source.utf8.count > 20_000 { input.source = String(input.source.prefix(20_000)) }
    let location = SourceLocationPayload(
      fileID: "Fuzz/plugin.swift", fileName: generator.chance(95) ? fileName : generator.pick(["", "é 😀.swift", "/a\u{0}b"]),
      offset: generator.chance(90) ? generator.below(100_000) : generator.pick([-1, 0, Int(Int32.max), Int.max / 2]),
      line: generator.chance(95) ? 1 + generator.below(5_000) : generator.pick([0, -3, Int(Int32.max)]),
      column: generator.chance(95) ? 1 + generator.below(200) : generator.pick([0, -1, 1 << 40]))
    let context = (0..<generator.below(3)).map { _ in
      SyntaxPayload(kind: "declaration", source: generator.pick(["struct S {}", "func outer() ", "extension P {}", "\n  func h() -> Int ", ""]), location: location)
    }
    let anchor = (location.fileName, min(max(location.offset, 0), Int(Int32.max)), input.source.utf8.count)
    let attached: Bool
    switch input.target {
    case .attached: attached = true
    case .freestanding: attached = false
    default: attached = generator.chance(50)
    }
    if attached {
      var macroName = "Differentiable"
      var role = "peer"
      var attribute = "@Differentiable"
      var extendedType: String?
      if case .attached(let name, let inputRole, let inputAttribute, let inputExtendedType) = input.target {
        (macroName, role, attribute, extendedType) = (name, inputRole, inputAttribute, inputExtendedType)
      }
      if generator.chance(5) { role = generator.pick(["member", "extension", "accessor", "", "peer "]) }
      if generator.chance(5) { macroName = generator.pick(["Differentiable   // trailing", "Zygote.Adjoint", "", "NotOurs"]) }
      let request = AttachedExpansionRequest(
        macro: MacroReference(moduleName: "ZygoteMacros", typeName: "\(macroName)Macro", name: macroName), macroRole: role,
        discriminator: "$s4Fuzz\(generator.below(1000))fMp_",
        attributeSyntax: SyntaxPayload(kind: "attribute", source: attribute, location: location),
        declSyntax: SyntaxPayload(kind: "declaration", source: input.source, location: location),
        extendedTypeSyntax: extendedType.map { SyntaxPayload(kind: "type", source: $0, location: location) },
        lexicalContext: context)
      return Request(message: HostMessage.expandAttachedMacro(request).json, anchor: anchor, summary: "@\(macroName) \(role): \(input.summary)")
    }
    var macroName = "gradient"
    if case .freestanding(let name) = input.target { macroName = name }
    let request = FreestandingExpansionRequest(
      macro: MacroReference(moduleName: "ZygoteMacros", typeName: "GradientMacro", name: macroName),
      discriminator: "$s4Fuzz\(generator.below(1000))fMf_",
      syntax: SyntaxPayload(kind: "expression", source: input.source, location: location), lexicalContext: context)
    return Request(message: HostMessage.expandFreestandingMacro(request).json, anchor: anchor, summary: "#\(macroName): \(input.summary)")
  }

  /// A message that is not a well-formed expansion request but is valid JSON: the plugin must
  /// answer it (with an error) and go on.
  static func oddMessage(using generator: inout SplitMix64) -> Request {
    let texts = [
      #"{"getCapability":{"capability":{"protocolVersion":7}}}"#,
      #"{"somethingNew":{"a":[1,2,{"b":null}]}}"#,
      #"{"expandFreestandingMacro":{}}"#,
      #"{"expandAttachedMacro":{"macro":{"moduleName":"M","typeName":"T","name":"Differentiable"},"macroRole":"peer"}}"#,
      ##"{"expandFreestandingMacro":{"macro":{"moduleName":1,"typeName":[],"name":null},"syntax":{"kind":"expression","source":"#gradient(f, at: 1)","location":{"fileName":"f","offset":"x","line":1,"column":1}}}}"##,
      #"{"loadPluginLibrary":{"libraryPath":"/nonexistent/lib.so","moduleName":"M"}}"#,
      ##"{"expandFreestandingMacro":{"macro":{"moduleName":"M","typeName":"T","name":"gradient"},"syntax":{"kind":"expression","source":"#gradient(f, at: \ud800)","location":{"fileName":"f","offset":1e300,"line":1.5,"column":-0}}}}"##,
      #"[]"#, #"null"#, #"12345678901234567890123456789"#, #""just a string""#, #"{}"#,
      #"{"a":1,"b":2}"#,
    ]
    let text = generator.pick(texts)
    return Request(message: (try? JSONParser.parse(text)) ?? .null, anchor: nil, summary: "odd message \(text)")
  }

  /// A byte stream that breaks the framing or the JSON: the plugin must exit with status 0 or 1,
  /// having written nothing but whole frames.
  static func malformedStream(using generator: inout SplitMix64) -> (bytes: [UInt8], summary: String) {
    let handshake = PluginSession.frame(JSONSerializer.serialize(HostMessage.getCapability(protocolVersion: 7).json))
    let valid = PluginSession.frame(Array(##"{"expandFreestandingMacro":{"macro":{"moduleName":"M","typeName":"T","name":"gradient"},"syntax":{"kind":"expression","source":"#gradient({ x in x * x }, at: 3.0)","location":{"fileName":"f.swift","offset":10,"line":2,"column":3}}}}"##.utf8))
    var prefix = generator.chance(70) ? handshake : []
    for _ in 0..<generator.below(3) { prefix += valid }
    func header(_ length: UInt64) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: length >> (8 * UInt64($0))) } }
    let random = (0..<generator.below(2_048)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
    switch generator.below(12) {
    case 0:
      return (prefix + random, "random bytes")
    case 1:
      return (prefix + header(UInt64.max - UInt64(generator.below(1000))) + Array("{}".utf8), "huge length")
    case 2:
      return (prefix + header(1 << 40) + random, "length beyond the limit")
    case 3:
      let body = Array(#"{"getCapability":{"capability":{"protocolVersion":7}}}"#.utf8)
      return (prefix + header(UInt64(body.count + 1 + generator.below(100))) + body, "length longer than the body (truncated)")
    case 4:
      return (prefix + Array(header(UInt64(generator.below(1000))).prefix(1 + generator.below(7))), "truncated header")
    case 5:
      var body = Array(#"{"getCapability":{"capability":{"protocolVersion":7},"x":"ab"}}"#.utf8)
      let invalid: [[UInt8]] = [[0xC3, 0x28], [0xFF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0xE2, 0x82]]
      body.insert(contentsOf: generator.pick(invalid), at: body.count - 4)
      return (prefix + PluginSession.frame(body), "invalid UTF-8 inside a JSON string")
    case 6:
      let invalid: [UInt8] = [0x80, 0xFE, 0xFF, 0xC3]
      var body = Array(##"{"expandFreestandingMacro":{"macro":{"moduleName":"M","typeName":"T","name":"gradient"},"syntax":{"kind":"expression","source":"#gradient(f, at: 1)","location":{"fileName":"f","offset":0,"line":1,"column":1}}}}"##.utf8)
      body[generator.below(body.count)] = generator.pick(invalid)
      return (prefix + PluginSession.frame(body), "invalid UTF-8 anywhere in a request")
    case 7:
      let depth = 1_000 + generator.below(200_000)
      return (prefix + PluginSession.frame(Array(String(repeating: "[", count: depth).utf8)), "JSON nested \(depth) deep")
    case 8:
      let texts = ["{", "{\"a\":", "not json", "{\"a\":1,}", "\u{0}", "{\"a\":\"\\u12\"}", "{\"a\":tru}", "1e99999", "-", "\"\\ud800\\udc00\\ud800\""]
      return (prefix + PluginSession.frame(Array(generator.pick(texts).utf8)), "malformed JSON")
    case 9:
      var body = JSONSerializer.serialize(HostMessage.getCapability(protocolVersion: 7).json)
      body = Array(body.prefix(generator.below(body.count)))
      return (prefix + header(UInt64(body.count)) + body + random, "cut JSON, then garbage")
    case 10:
      return (prefix + header(0) + header(0) + random, "empty frames, then garbage")
    default:
      // A valid frame whose length field is off by a little.
      let body = JSONSerializer.serialize(HostMessage.getCapability(protocolVersion: 7).json)
      let delta = generator.chance(50) ? -(1 + generator.below(5)) : 1 + generator.below(5)
      return (prefix + header(UInt64(max(0, body.count + delta))) + body + random.prefix(16), "length off by \(delta)")
    }
  }
}
