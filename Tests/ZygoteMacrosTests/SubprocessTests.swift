import XCTest

@testable import ZygoteMacroHost
import ZygoteTestSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs the built plugin executable, `ZygoteMacros-tool`, the way the compiler does, and
/// checks it never dies by a signal, never hangs, and writes nothing but whole frames.
final class SubprocessTests: XCTestCase {
  private var executable = ""

  override func setUpWithError() throws {
    // Writing to a plugin that has exited must fail with EPIPE, not kill the test runner.
    signal(SIGPIPE, SIG_IGN)
    guard let path = PluginProcess.executablePath() else {
      // A failure, not a skip: these tests are the only check of the real executable.
      throw MissingPlugin()
    }
    executable = path
  }

  // MARK: A normal session

  func testHandshakeExpansionsAndCleanExit() throws {
    let plugin = try PluginProcess(executable: executable)
    plugin.send(HostMessage.getCapability(protocolVersion: 7).json)
    XCTAssertEqual(try plugin.nextReply(), .getCapabilityResult(protocolVersion: 7, features: []))

    for sample in SampleMessages.all {
      plugin.send(try JSONParser.parse(sample))
      let reply = try XCTUnwrap(try plugin.nextReply(), "no reply to \(sample)")
      guard case .expandMacroResult(let source, let diagnostics) = reply else { return XCTFail("\(reply)") }
      // Whatever the transform does today, a failure must come with an error.
      if source == nil { XCTAssertTrue(diagnostics.contains { $0.severity == .error }) }
      XCTAssertTrue(diagnostics.allSatisfy { $0.position.fileName == "z.swift" })
    }

    plugin.send([0, 0, 0, 0, 0, 0, 0, 0])  // What the compiler sends at the end.
    XCTAssertEqual(plugin.finish(), .exited(0))
    assertOnlyWholeFrames(plugin.stdout, count: 1 + SampleMessages.all.count)
    XCTAssertEqual(String(decoding: plugin.stderr, as: UTF8.self), "")
  }

  func testEndOfInputEndsTheSessionCleanly() throws {
    let plugin = try PluginProcess(executable: executable)
    plugin.send(HostMessage.getCapability(protocolVersion: 7).json)
    XCTAssertNotNil(try plugin.nextReply())
    XCTAssertEqual(plugin.finish(), .exited(0))
    assertOnlyWholeFrames(plugin.stdout, count: 1)
  }

  func testUnknownMessageIsAnsweredAndTheSessionGoesOn() throws {
    let plugin = try PluginProcess(executable: executable)
    plugin.send(HostMessage.getCapability(protocolVersion: 7).json)
    _ = try plugin.nextReply()
    plugin.send(try JSONParser.parse(#"{"somethingNew":{"a":[1,2]}}"#))
    let reply = try XCTUnwrap(try plugin.nextReply())
    XCTAssertEqual(reply.diagnostics.map(\.severity), [.error])
    plugin.send(HostMessage.getCapability(protocolVersion: 7).json)
    XCTAssertEqual(try plugin.nextReply(), .getCapabilityResult(protocolVersion: 7, features: []))
    XCTAssertEqual(plugin.finish(), .exited(0))
  }

  func testGarbageSourceTextGetsAnAnswer() throws {
    let plugin = try PluginProcess(executable: executable)
    plugin.send(HostMessage.getCapability(protocolVersion: 7).json)
    _ = try plugin.nextReply()
    var generator = SplitMix64(seed: 0x5EED_0004)
    var sources = [
      "", "#", "#gradient(", "#gradient(((((((", "#gradient(f, at: )))", "\u{0}\u{1}\u{7F}", "é😀𝄞\u{FEFF}",
      "#gradient({ x in x * x }, at: \"unterminated)", String(repeating: "(", count: 5_000),
      String(repeating: "#gradient(", count: 500), "/* unterminated comment #gradient(f, at: 1)",
    ]
    for _ in 0..<20 {
      let scalars = (0..<Int.random(in: 0..<200, using: &generator)).compactMap { _ in
        Unicode.Scalar(UInt32.random(in: 0...0x2FF, using: &generator))
      }
      sources.append(String(String.UnicodeScalarView(scalars)))
    }
    let location = SourceLocationPayload(fileID: "M/g.swift", fileName: "/g.swift", offset: 100, line: 5, column: 3)
    for source in sources {
      let syntax = SyntaxPayload(kind: "expression", source: source, location: location)
      let freestanding = FreestandingExpansionRequest(
        macro: MacroReference(moduleName: "ZygoteMacros", typeName: "GradientMacro", name: "gradient"), syntax: syntax)
      plugin.send(HostMessage.expandFreestandingMacro(freestanding).json)
      guard try plugin.nextReply() != nil else { return failNoAnswer(plugin, "#gradient", source) }
      let declaration = SyntaxPayload(kind: "declaration", source: "@Differentiable\n" + source, location: location)
      let attached = AttachedExpansionRequest(
        macro: MacroReference(moduleName: "ZygoteMacros", typeName: "DifferentiableMacro", name: "Differentiable"),
        macroRole: "peer", attributeSyntax: syntax, declSyntax: declaration)
      plugin.send(HostMessage.expandAttachedMacro(attached).json)
      guard try plugin.nextReply() != nil else { return failNoAnswer(plugin, "@Differentiable", source) }
    }
    XCTAssertEqual(plugin.finish(), .exited(0))
    assertOnlyWholeFrames(plugin.stdout, count: 1 + 2 * sources.count)
  }

  func testMessageLogRecordsTheSession() throws {
    let log = try TemporaryFile()
    defer { log.remove() }
    let plugin = try PluginProcess(executable: executable, environment: [MessageLog.environmentVariable: log.path])
    plugin.send(HostMessage.getCapability(protocolVersion: 7).json)
    _ = try plugin.nextReply()
    XCTAssertEqual(plugin.finish(), .exited(0))
    let lines = String(decoding: log.readAll(), as: UTF8.self).split(separator: "\n")
    XCTAssertEqual(
      lines,
      [
        #"> {"getCapability":{"capability":{"protocolVersion":7}}}"#,
        #"< {"getCapabilityResult":{"capability":{"features":[],"protocolVersion":7}}}"#,
      ])
  }

  // MARK: Broken input: exit 1 with a message, nothing half-written

  func testAbsurdFrameLengthExitsWithAMessage() throws {
    try assertRejected(after: [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F] + Array("{}".utf8), mentioning: "exceeds the limit")
  }

  func testTruncatedBodyExitsWithAMessage() throws {
    try assertRejected(after: [100, 0, 0, 0, 0, 0, 0, 0] + Array("{\"getCap".utf8), mentioning: "input ended inside a frame")
  }

  func testTruncatedHeaderExitsWithAMessage() throws {
    try assertRejected(after: [3, 0, 0], mentioning: "input ended inside a frame header")
  }

  func testMalformedJSONExitsWithAMessage() throws {
    try assertRejected(after: frame(Array(#"{"getCapability":{"capability":"#.utf8)), mentioning: "not JSON")
  }

  func testInvalidUTF8ExitsWithAMessage() throws {
    let payload = Array(#"{"getCapability":{"capability":{"protocolVersion":7},"x":""#.utf8) + [0xC3, 0x28] + Array("\"}}".utf8)
    try assertRejected(after: frame(payload), mentioning: "not valid UTF-8")
  }

  func testRandomByteStreamsNeverKillOrHangThePlugin() throws {
    var generator = SplitMix64(seed: 0x5EED_0005)
    let capability = frame(JSONSerializer.serialize(HostMessage.getCapability(protocolVersion: 7).json))
    for round in 0..<16 {
      var bytes = round.isMultiple(of: 2) ? capability : []
      let count = Int.random(in: 0..<2048, using: &generator)
      bytes += (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
      if round % 4 == 1 {
        // A plausible small header before the garbage, so the body reaches the JSON parser.
        bytes = frame(Array(bytes.prefix(64))) + bytes
      }
      let plugin = try PluginProcess(executable: executable)
      plugin.send(bytes)
      let status = plugin.finish()
      XCTAssertTrue(status == .exited(0) || status == .exited(1), "round \(round): \(status)")
      if status == .exited(1) { XCTAssertFalse(plugin.stderr.isEmpty, "round \(round): exit 1 without a message") }
      assertOnlyWholeFrames(plugin.stdout)
    }
  }

  // MARK: Helpers

  /// Reports, once, that the plugin stopped answering, with how it ended and what it said.
  private func failNoAnswer(_ plugin: PluginProcess, _ macro: String, _ source: String) {
    let status = plugin.finish()
    let shown = source.count > 60 ? String(source.prefix(60)) + "..." : source
    XCTFail(
      "no answer to \(macro) on \(shown.debugDescription); the plugin ended with \(status), stderr:\n"
        + String(decoding: plugin.stderr.prefix(2000), as: UTF8.self))
  }

  /// Sends a handshake, then `bytes`, and expects an answered handshake, exit status 1, a
  /// message on stderr and nothing but whole frames on stdout.
  private func assertRejected(after bytes: [UInt8], mentioning text: String, line: UInt = #line) throws {
    let plugin = try PluginProcess(executable: executable)
    plugin.send(HostMessage.getCapability(protocolVersion: 7).json)
    XCTAssertNotNil(try plugin.nextReply(), line: line)
    plugin.send(bytes)
    XCTAssertEqual(plugin.finish(), .exited(1), line: line)
    let message = String(decoding: plugin.stderr, as: UTF8.self)
    XCTAssertTrue(message.hasPrefix("ZygoteMacros: "), message, line: line)
    XCTAssertTrue(message.contains(text), message, line: line)
    assertOnlyWholeFrames(plugin.stdout, count: 1, line: line)
  }

  /// Checks that `stdout` is a sequence of whole frames, each a reply the compiler understands.
  private func assertOnlyWholeFrames(_ stdout: [UInt8], count: Int? = nil, line: UInt = #line) {
    let (frames, rest) = FrameSplitter.split(stdout)
    XCTAssertEqual(rest, [], "bytes after the last whole frame", line: line)
    if let count { XCTAssertEqual(frames.count, count, line: line) }
    for payload in frames {
      XCTAssertNoThrow(try PluginReply(json: JSONParser.parse(payload)), String(decoding: payload, as: UTF8.self), line: line)
    }
  }

  private struct MissingPlugin: Error, CustomStringConvertible {
    var description: String {
      "ZygoteMacros-tool was not found next to the test bundle or in .build/debug: run `swift build` (or `swift build --build-tests`) first"
    }
  }

  private func frame(_ payload: [UInt8]) -> [UInt8] {
    (0..<8).map { UInt8(truncatingIfNeeded: UInt64(payload.count) >> (8 * UInt64($0))) } + payload
  }
}
