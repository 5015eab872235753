import XCTest
import ZygoteTransform

@testable import ZygoteMacroHost

final class HandlerTests: XCTestCase {
  private let file = Array(SampleMessages.file.utf8)

  // MARK: Capability

  func testCapabilityHandshake() throws {
    var handler = MessageHandler(expander: .echo)
    let reply = handler.handle(json: try JSONParser.parse(#"{"getCapability":{"capability":{"protocolVersion":7}}}"#))
    XCTAssertEqual(
      JSONSerializer.serializeToString(reply.json), #"{"getCapabilityResult":{"capability":{"features":[],"protocolVersion":7}}}"#)
    XCTAssertEqual(handler.hostProtocolVersion, 7)
  }

  func testHostsOlderThanVersion5GetTheLegacyReplies() throws {
    var handler = MessageHandler(expander: .echo)
    _ = handler.handle(json: try JSONParser.parse(#"{"getCapability":{}}"#))
    XCTAssertEqual(handler.hostProtocolVersion, 0)
    guard case .expandFreestandingMacroResult("#gradient(\u{e9}.count) ", []) = try reply(to: SampleMessages.freestandingInMethod, handler: &handler) else {
      return XCTFail("expected expandFreestandingMacroResult")
    }
    _ = handler.handle(.getCapability(protocolVersion: 4))
    guard case .expandAttachedMacroResult(let sources?, []) = try reply(to: SampleMessages.attachedAfterDocComment, handler: &handler),
      sources.count == 1
    else { return XCTFail("expected expandAttachedMacroResult") }
    _ = handler.handle(.getCapability(protocolVersion: 5))
    guard case .expandMacroResult = try reply(to: SampleMessages.attachedAfterDocComment, handler: &handler) else {
      return XCTFail("expected expandMacroResult")
    }
  }

  // MARK: Where the host's locations point (the trivia finding)

  /// Swift 6.3.1 sends `source` with its leading trivia, and `location` (offset, line, column)
  /// describes the first character of `source` — the start of the trivia, not the first token.
  /// `column` counts UTF-8 bytes. So `file[offset ..< offset + source.utf8.count] == source`.
  func testHostLocationIsStartOfLeadingTrivia() throws {
    for text in SampleMessages.all {
      let syntax: SyntaxPayload
      switch try HostMessage(json: JSONParser.parse(text)) {
      case .expandFreestandingMacro(let request): syntax = request.syntax
      case .expandAttachedMacro(let request): syntax = request.declSyntax
      default: return XCTFail("unexpected message")
      }
      let source = Array(syntax.source.utf8)
      let offset = syntax.location.offset
      XCTAssertEqual(Array(file[offset..<(offset + source.count)]), source, syntax.source)
      let (line, column) = lineAndColumn(of: offset)
      XCTAssertEqual(syntax.location.line, line, syntax.source)
      XCTAssertEqual(syntax.location.column, column, syntax.source)
    }
    // The first sample starts with the newline that ends `let a =`, before a comment line.
    let first = try HostMessage(json: JSONParser.parse(SampleMessages.freestandingAfterComment))
    guard case .expandFreestandingMacro(let request) = first else { return XCTFail() }
    XCTAssertTrue(request.syntax.source.hasPrefix("\n  // a comment"))
    XCTAssertEqual(request.syntax.location.line, 4)
    XCTAssertEqual(request.syntax.location.column, 8)
  }

  // MARK: Freestanding

  func testFreestandingRequestReachesTheTransform() throws {
    let log = CallLog()
    var handler = MessageHandler(
      expander: .recording(into: log, answering: ExpansionResult(expandedSource: "1", diagnostics: [])), hostProtocolVersion: 7)
    XCTAssertEqual(try reply(to: SampleMessages.freestandingInMethod, handler: &handler), .expandMacroResult(expandedSource: "1", diagnostics: []))
    XCTAssertEqual(
      log.calls,
      [
        ExpansionCall(
          macroName: "gradient", role: nil, source: "#gradient(é.count) ", attributeSource: nil, extendedType: nil,
          context: ExpansionContext(
            fileName: "z.swift", line: 13, column: 49, lexicalContext: ["\n  func h() -> Int ", "\n\nstruct S {}"],
            discriminator: "$s1z0012zswift_DrJCafMX12_48_8gradientfMf_"))
      ])
  }

  func testFreestandingDiagnosticOffsetsAreAbsolute() throws {
    let source = Array("\n  // a comment before the macro\n  #gradient(1)".utf8)
    let hash = try XCTUnwrap(source.firstIndex(of: UInt8(ascii: "#")))
    let one = try XCTUnwrap(source.lastIndex(of: UInt8(ascii: "1")))
    let diagnostic = Diagnostic.error(
      "gradient of a constant", at: SourceRange(start: hash, end: source.count),
      fixIts: [.init(message: "use a variable", range: SourceRange(start: one, end: one + 1), replacement: "x")])
    let wire = try singleDiagnostic(SampleMessages.freestandingAfterComment, answering: [diagnostic])

    let base = 239
    XCTAssertEqual(wire.position, .init(fileName: "z.swift", offset: base + hash))
    XCTAssertEqual(text(at: wire.position.offset, length: 9), "#gradient")
    XCTAssertTrue(lineAndColumn(of: wire.position.offset) == (6, 3), "the compiler showed z.swift:6:3")
    XCTAssertEqual(wire.highlights, [.init(fileName: "z.swift", startOffset: base + hash, endOffset: base + source.count)])
    XCTAssertEqual(wire.fixIts.count, 1)
    let change = try XCTUnwrap(wire.fixIts.first?.changes.first)
    XCTAssertEqual(change.range, .init(fileName: "z.swift", startOffset: base + one, endOffset: base + one + 1))
    XCTAssertEqual(text(at: change.range.startOffset, length: 1), "1")
    XCTAssertEqual(change.newText, "x")
  }

  func testOffsetsAfterMultibyteCharactersAreBytes() throws {
    // `é` in `#gradient(é.count) `: the diagnostic on `count` lands on `count` in the file.
    let source = Array("#gradient(é.count) ".utf8)
    let count = 13  // `#gradient(` is 10 bytes, `é` 2, `.` 1.
    XCTAssertEqual(Array(source[count..<(count + 5)]), Array("count".utf8))
    let wire = try singleDiagnostic(
      SampleMessages.freestandingInMethod, answering: [.error("e", at: SourceRange(start: count, end: count + 5))])
    XCTAssertEqual(text(at: wire.position.offset, length: 5), "count")
  }

  // MARK: Attached

  func testAttachedRequestReachesTheTransform() throws {
    let log = CallLog()
    var handler = MessageHandler(
      expander: .recording(into: log, answering: ExpansionResult(expandedSource: "func g() {}", diagnostics: [])),
      hostProtocolVersion: 7)
    XCTAssertEqual(
      try reply(to: SampleMessages.attachedAfterDocComment, handler: &handler),
      .expandMacroResult(expandedSource: "func g() {}", diagnostics: []))
    XCTAssertEqual(
      log.calls,
      [
        ExpansionCall(
          macroName: "Differentiable", role: "peer",
          source: "\n\n/// doc comment\n@Differentiable   // trailing\nfunc f(_ x: Double) -> Double { x * x }",
          attributeSource: "\n\n/// doc comment\n@Differentiable   // trailing", extendedType: nil,
          context: ExpansionContext(
            fileName: "z.swift", line: 6, column: 15, lexicalContext: [], discriminator: "$s1z1f14DifferentiablefMp_"))
      ])
  }

  func testAttachedDiagnosticOffsetsAreRelativeToTheDeclaration() throws {
    let declaration = Array("\n\n/// doc comment\n@Differentiable   // trailing\nfunc f(_ x: Double) -> Double { x * x }".utf8)
    let function = try XCTUnwrap(firstRange(of: "func", in: declaration))
    let wire = try singleDiagnostic(
      SampleMessages.attachedAfterDocComment, answering: [.error("e", at: SourceRange(start: function, end: function + 4))])
    XCTAssertEqual(wire.position.offset, 286 + function)
    XCTAssertEqual(text(at: wire.position.offset, length: 4), "func")
    XCTAssertTrue(lineAndColumn(of: wire.position.offset) == (10, 1))
  }

  func testExtensionRequestPassesTheExtendedType() throws {
    let log = CallLog()
    var handler = MessageHandler(
      expander: .recording(into: log, answering: ExpansionResult(expandedSource: "", diagnostics: [])), hostProtocolVersion: 7)
    let location = SourceLocationPayload(fileID: "M/a.swift", fileName: "/a.swift", offset: 10, line: 2, column: 1)
    let nowhere = SourceLocationPayload(fileName: "", offset: 0, line: 0, column: 0)
    let request = AttachedExpansionRequest(
      macro: MacroReference(moduleName: "ZygoteMacros", typeName: "DifferentiableStructMacro", name: "DifferentiableStruct"),
      macroRole: "extension", discriminator: "d",
      attributeSyntax: SyntaxPayload(kind: "attribute", source: "@DifferentiableStruct", location: location),
      declSyntax: SyntaxPayload(kind: "declaration", source: "@DifferentiableStruct\nstruct P<T> {}", location: location),
      extendedTypeSyntax: SyntaxPayload(kind: "type", source: "P", location: nowhere),
      conformanceListSyntax: SyntaxPayload(kind: "declaration", source: "struct Placeholder: Differentiable {}", location: nowhere))
    // Through JSON, as the host sends it.
    _ = handler.handle(json: try JSONParser.parse(JSONSerializer.serialize(HostMessage.expandAttachedMacro(request).json)))
    XCTAssertEqual(log.calls.first?.role, "extension")
    XCTAssertEqual(log.calls.first?.extendedType, "P")
    XCTAssertEqual(log.calls.first?.macroName, "DifferentiableStruct")
  }

  // MARK: Positions the transform did not get exactly right

  func testARangeStartingInTriviaPointsAtItsFirstToken() throws {
    let declaration = "\n\n/// doc comment\n@Differentiable   // trailing\nfunc f(_ x: Double) -> Double { x * x }"
    let wire = try singleDiagnostic(
      SampleMessages.attachedAfterDocComment, answering: [.error("e", at: SourceRange(start: 0, end: declaration.utf8.count))])
    XCTAssertEqual(text(at: wire.position.offset, length: 15), "@Differentiable")
    XCTAssertTrue(lineAndColumn(of: wire.position.offset) == (9, 1))
    XCTAssertEqual(wire.highlights.first?.endOffset, 286 + declaration.utf8.count)
  }

  func testOffsetsOutsideTheNodeAreClamped() throws {
    let wire = try singleDiagnostic(
      SampleMessages.freestandingInMethod, answering: [.error("e", at: SourceRange(start: -50, end: 10_000))])
    let length = "#gradient(é.count) ".utf8.count
    XCTAssertEqual(wire.position.offset, 434)
    XCTAssertEqual(wire.highlights, [.init(fileName: "z.swift", startOffset: 434, endOffset: 434 + length - 1)])
  }

  func testAFailedExpansionWithoutAnErrorGetsOne() throws {
    var handler = MessageHandler(
      expander: .recording(into: CallLog(), answering: ExpansionResult(expandedSource: nil, diagnostics: [])), hostProtocolVersion: 7)
    guard case .expandMacroResult(nil, let diagnostics) = try reply(to: SampleMessages.freestandingAfterComment, handler: &handler)
    else { return XCTFail() }
    XCTAssertEqual(diagnostics.map(\.severity), [.error])
    XCTAssertEqual(diagnostics.first?.message, "#gradient could not be expanded")
    XCTAssertEqual(text(at: diagnostics.first?.position.offset ?? 0, length: 9), "#gradient")
  }

  // MARK: Requests the plugin cannot serve

  func testUnknownMessageKindGetsAnErrorDiagnostic() throws {
    var handler = MessageHandler(expander: .echo, hostProtocolVersion: 7)
    let reply = handler.handle(json: try JSONParser.parse(#"{"expandSomethingNew":{"x":1}}"#))
    guard case .expandMacroResult(nil, let diagnostics) = reply else { return XCTFail("\(reply)") }
    XCTAssertEqual(diagnostics.count, 1)
    XCTAssertEqual(diagnostics.first?.severity, .error)
    XCTAssertTrue(diagnostics.first?.message.contains("unknown message kind 'expandSomethingNew'") ?? false)
    XCTAssertEqual(diagnostics.first?.position, .invalid)
  }

  func testMalformedRequestGetsADiagnosticAtItsNode() throws {
    var handler = MessageHandler(expander: .echo, hostProtocolVersion: 7)
    let json = try JSONParser.parse(
      ##"{"expandFreestandingMacro":{"discriminator":"d","syntax":{"kind":"expression","source":"#g()","location":{"fileName":"/f.swift","offset":42,"line":3,"column":5}}}}"##
    )
    guard case .expandMacroResult(nil, let diagnostics) = handler.handle(json: json) else { return XCTFail() }
    XCTAssertEqual(diagnostics.first?.position, .init(fileName: "/f.swift", offset: 42))
    XCTAssertTrue(diagnostics.first?.message.contains("expandFreestandingMacro.macro: missing") ?? false, "\(diagnostics)")
  }

  func testWrongTypesAndShapesGetDiagnostics() throws {
    var handler = MessageHandler(expander: .echo, hostProtocolVersion: 7)
    let cases = [
      "[1,2]", "\"getCapability\"", "{}", #"{"getCapability":{},"expandFreestandingMacro":{}}"#,
      #"{"getCapability":{"capability":{"protocolVersion":"7"}}}"#, #"{"expandAttachedMacro":[]}"#,
      ##"{"expandFreestandingMacro":{"macro":{"moduleName":"M","typeName":"T","name":"g"},"syntax":{"kind":"expression","source":"#g","location":{"fileName":"f","offset":1.5,"line":1,"column":1}}}}"##,
    ]
    for text in cases {
      let reply = handler.handle(json: try JSONParser.parse(text))
      XCTAssertEqual(reply.diagnostics.map(\.severity), [.error], text)
    }
  }

  func testLoadPluginLibraryIsRefused() throws {
    var handler = MessageHandler(expander: .echo, hostProtocolVersion: 7)
    let reply = handler.handle(json: try JSONParser.parse(#"{"loadPluginLibrary":{"libraryPath":"/x.so","moduleName":"X"}}"#))
    guard case .loadPluginLibraryResult(false, let diagnostics) = reply else { return XCTFail("\(reply)") }
    XCTAssertEqual(diagnostics.count, 1)
  }

  // MARK: The real transform

  func testRealTransformAnswersWithPositionsInsideTheNode() throws {
    var handler = MessageHandler(hostProtocolVersion: 7)
    for text in SampleMessages.all {
      let message = try HostMessage(json: JSONParser.parse(text))
      let syntax: SyntaxPayload
      switch message {
      case .expandFreestandingMacro(let request): syntax = request.syntax
      case .expandAttachedMacro(let request): syntax = request.declSyntax
      default: return XCTFail()
      }
      let reply = handler.handle(message)
      guard case .expandMacroResult(let source, let diagnostics) = reply else { return XCTFail("\(reply)") }
      if source == nil { XCTAssertTrue(diagnostics.contains { $0.severity == .error }) }
      let nodeRange = syntax.location.offset...(syntax.location.offset + syntax.source.utf8.count)
      for diagnostic in diagnostics {
        XCTAssertEqual(diagnostic.position.fileName, "z.swift")
        XCTAssertTrue(nodeRange.contains(diagnostic.position.offset), "\(diagnostic)")
      }
    }
  }

  // MARK: Wire shape

  func testExpansionReplyJSONMatchesTheProtocol() {
    let position = WireDiagnostic.Position(fileName: "/a.swift", offset: 5)
    let range = WireDiagnostic.PositionRange(fileName: "/a.swift", startOffset: 5, endOffset: 7)
    let reply = PluginReply.expandMacroResult(
      expandedSource: nil,
      diagnostics: [
        WireDiagnostic(
          message: "m", severity: .warning, position: position, highlights: [range],
          notes: [.init(position: position, message: "n")],
          fixIts: [.init(message: "f", changes: [.init(range: range, newText: "t")])])
      ])
    XCTAssertEqual(
      JSONSerializer.serializeToString(reply.json),
      #"{"expandMacroResult":{"diagnostics":[{"fixIts":[{"changes":[{"newText":"t","range":{"endOffset":7,"fileName":"/a.swift","startOffset":5}}],"message":"f"}],"highlights":[{"endOffset":7,"fileName":"/a.swift","startOffset":5}],"message":"m","notes":[{"message":"n","position":{"fileName":"/a.swift","offset":5}}],"position":{"fileName":"/a.swift","offset":5},"severity":"warning"}],"expandedSource":null}}"#
    )
    XCTAssertEqual(try PluginReply(json: reply.json), reply)
  }

  func testRecordedMessagesRoundTripThroughTheWireTypes() throws {
    for text in SampleMessages.all + [#"{"getCapability":{"capability":{"protocolVersion":7}}}"#] {
      let message = try HostMessage(json: JSONParser.parse(text))
      XCTAssertEqual(try HostMessage(json: message.json), message)
    }
  }

  func testMacroNamesLoseTheHostsTrivia() {
    let cases = [
      "gradient": "gradient", "Differentiable   // trailing": "Differentiable", "Mark ": "Mark",
      "Mark /*c*/ ": "Mark", "Foo.Mark": "Mark", "`Mark` ": "Mark", "`one`": "one", "Foo::Mark": "Mark",
      "@Adjoint": "Adjoint", "Mark\n": "Mark", "Mark<Int>": "Mark", "": "",
    ]
    for (host, expected) in cases {
      XCTAssertEqual(MacroName.normalize(host), expected, host.debugDescription)
    }
  }

  // MARK: Helpers

  private func reply(to text: String, handler: inout MessageHandler) throws -> PluginReply {
    handler.handle(json: try JSONParser.parse(text))
  }

  private func singleDiagnostic(_ text: String, answering diagnostics: [Diagnostic]) throws -> WireDiagnostic {
    var handler = MessageHandler(
      expander: .recording(into: CallLog(), answering: ExpansionResult(expandedSource: nil, diagnostics: diagnostics)),
      hostProtocolVersion: 7)
    let reply = try reply(to: text, handler: &handler)
    XCTAssertEqual(reply.diagnostics.count, 1)
    return try XCTUnwrap(reply.diagnostics.first)
  }

  /// The 1-based line and UTF-8 column of a byte offset in the sample file.
  private func lineAndColumn(of offset: Int) -> (Int, Int) {
    let before = file[..<offset]
    let line = before.filter { $0 == 0x0A }.count + 1
    let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
    return (line, offset - lineStart + 1)
  }

  private func text(at offset: Int, length: Int) -> String {
    String(decoding: file[offset..<min(offset + length, file.count)], as: UTF8.self)
  }

  private func firstRange(of needle: String, in haystack: [UInt8]) -> Int? {
    let pattern = Array(needle.utf8)
    return (0...(haystack.count - pattern.count)).first { Array(haystack[$0..<($0 + pattern.count)]) == pattern }
  }
}
