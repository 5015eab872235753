import XCTest
import ZygoteMacroHost
import ZygoteTestSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The built plugin executable, `ZygoteMacros-tool`, as a subprocess: thousands of expansion
/// requests with mutated sources, each answered by a valid reply; then broken streams (bad
/// lengths, truncated frames, invalid UTF-8 in the JSON), after which the plugin exits with
/// status 0 or 1, never by a signal, never hangs, and writes nothing but whole frames.
///
/// Seeds and replay work as in `TransformFuzzTests` (`ZYGOTE_FUZZ_SEED`, `ZYGOTE_FUZZ_COUNT`,
/// `ZYGOTE_FUZZ_INDEX`); the request count is a tenth of the in-process count.
final class PluginFuzzTests: XCTestCase {
  /// Requests per in-process input: a tenth as many go to the plugin.
  static let requestsPerInput = 0.1
  /// Requests per plugin launch.
  static let requestsPerLaunch = 500
  /// Broken streams per run, each in its own launch.
  static let malformedStreamCount = 120
  /// How long a reply may take, in seconds (wall clock: the plugin is a debug build and the
  /// machine may be busy).
  static let replyTimeout = 20.0

  private var executable = ""

  override func setUpWithError() throws {
    // Writing to a plugin that has exited must fail with EPIPE, not kill the test runner.
    signal(SIGPIPE, SIG_IGN)
    guard let path = PluginSession.executablePath() else { throw MissingPlugin() }
    executable = path
  }

  func testMutatedRequestsGetValidReplies() throws {
    let configuration = FuzzConfiguration.fromEnvironment(defaultCount: TransformFuzzTests.defaultCount)
    let seed = configuration.seed ^ 0x0050_4C55_4749_4E00  // "PLUGIN": requests differ from the in-process inputs
    let indices = configuration.onlyIndex.map { [$0] } ?? Array(0..<Int(Double(configuration.count) * Self.requestsPerInput))
    print("PluginFuzzTests: seed \(configuration.hex(configuration.seed)), \(indices.count) requests")
    let start = Stopwatch.now()
    var failures = 0
    var batchStart = 0
    while batchStart < indices.count {
      let batch = indices[batchStart..<min(indices.count, batchStart + Self.requestsPerLaunch)]
      batchStart += batch.count
      let plugin = try PluginSession(executable: executable)
      plugin.send(HostMessage.getCapability(protocolVersion: 7).json)
      guard let handshake = plugin.nextFrame(timeout: Self.replyTimeout),
        case .getCapabilityResult = try PluginReply(json: JSONParser.parse(handshake))
      else {
        XCTFail("no capability reply; the plugin ended with \(plugin.abandon()), stderr: \(text(plugin.stderr))")
        return
      }
      for index in batch {
        var generator = SplitMix64(seed: seed, index: index)
        let request = PluginRequests.request(using: &generator)
        if configuration.onlyIndex != nil { print("request \(index): \(text(JSONSerializer.serialize(request.message)))") }
        let replay = configuration.replayCommand(index: index, test: "PluginFuzzTests/testMutatedRequestsGetValidReplies")
        plugin.send(request.message)
        guard let frame = plugin.nextFrame(timeout: Self.replyTimeout) else {
          let status = plugin.abandon()
          XCTFail(
            "request \(index) (\(request.summary)) got no reply within \(Self.replyTimeout) s; the plugin ended with "
              + "\(status), stderr: \(text(plugin.stderr.suffix(2000)))\nreplay: \(replay)")
          return
        }
        if let problem = Self.check(frame, for: request) {
          failures += 1
          if failures <= 20 { XCTFail("request \(index) (\(request.summary)): \(problem)\nreplay: \(replay)") }
        }
      }
      let status = plugin.finish()
      XCTAssertEqual(status, .exited(0), "stderr: \(text(plugin.stderr.suffix(2000)))")
      XCTAssertEqual(FrameSplitter.split(plugin.stdout).rest, [], "bytes after the last whole frame")
    }
    print("PluginFuzzTests: \(indices.count) requests in \(Int(Stopwatch.seconds(since: start) * 1000)) ms, \(failures) failing")
  }

  func testMalformedStreamsEndWithStatusZeroOrOneAndWholeFrames() throws {
    let configuration = FuzzConfiguration.fromEnvironment(defaultCount: TransformFuzzTests.defaultCount)
    let seed = configuration.seed ^ 0x0046_5241_4D45_5300  // "FRAMES"
    let count = max(Self.malformedStreamCount * configuration.count / TransformFuzzTests.defaultCount, 1)
    let indices = configuration.onlyIndex.map { [$0] } ?? Array(0..<count)
    let start = Stopwatch.now()
    for index in indices {
      var generator = SplitMix64(seed: seed, index: index)
      let (bytes, summary) = PluginRequests.malformedStream(using: &generator)
      let replay = configuration.replayCommand(index: index, test: "PluginFuzzTests/testMalformedStreamsEndWithStatusZeroOrOneAndWholeFrames")
      let plugin = try PluginSession(executable: executable)
      plugin.send(bytes)
      let status = plugin.finish(timeout: Self.replyTimeout)
      let described = "stream \(index) (\(summary), \(bytes.count) bytes)"
      XCTAssertTrue(
        status == .exited(0) || status == .exited(1),
        "\(described): the plugin ended with \(status), stderr: \(text(plugin.stderr.suffix(2000)))\nreplay: \(replay)")
      if status == .exited(1) {
        XCTAssertTrue(text(plugin.stderr).hasPrefix("ZygoteMacros: "), "\(described): exit 1 without a message\nreplay: \(replay)")
      }
      let (frames, rest) = FrameSplitter.split(plugin.stdout)
      XCTAssertEqual(rest, [], "\(described): bytes after the last whole frame\nreplay: \(replay)")
      for frame in frames {
        XCTAssertNoThrow(try PluginReply(json: JSONParser.parse(frame)), "\(described): \(text(frame))\nreplay: \(replay)")
      }
    }
    print("PluginFuzzTests: \(indices.count) broken streams in \(Int(Stopwatch.seconds(since: start) * 1000)) ms")
  }

  // MARK: Checks

  /// The first thing wrong with the reply `frame` to `request`, or nil.
  static func check(_ frame: [UInt8], for request: PluginRequests.Request) -> String? {
    let reply: PluginReply
    do {
      reply = try PluginReply(json: JSONParser.parse(frame))
    } catch {
      return "reply is not a valid message (\(error)): \(text(frame.prefix(500)))"
    }
    switch reply {
    case .expandMacroResult(let source, let diagnostics):
      if source == nil && !diagnostics.contains(where: { $0.severity == .error }) {
        return "no expanded source and no error"
      }
    case .getCapabilityResult, .loadPluginLibraryResult:
      // Answers to the odd messages that ask for them.
      return request.anchor == nil ? nil : "expected expandMacroResult, got \(reply)"
    default:
      return "expected expandMacroResult (the host speaks protocol 7), got \(reply)"
    }
    guard let anchor = request.anchor else { return nil }
    let diagnostics = reply.diagnostics
    let bounds = anchor.offset...(anchor.offset + anchor.length)
    for diagnostic in diagnostics {
      let position = diagnostic.position
      guard position.fileName == anchor.fileName, bounds.contains(position.offset) else {
        return "diagnostic '\(diagnostic.message)' at \(position.fileName):\(position.offset), outside \(anchor.fileName):\(bounds)"
      }
      for highlight in diagnostic.highlights
      where !(bounds.contains(highlight.startOffset) && bounds.contains(highlight.endOffset) && highlight.startOffset <= highlight.endOffset) {
        return "highlight \(highlight.startOffset)..<\(highlight.endOffset) of '\(diagnostic.message)' outside \(bounds)"
      }
    }
    return nil
  }

  private struct MissingPlugin: Error, CustomStringConvertible {
    var description: String {
      "ZygoteMacros-tool was not found next to the test bundle or in .build/debug: run `swift build` (or `swift build --build-tests`) first"
    }
  }
}

/// Bytes shown as text (invalid UTF-8 replaced).
private func text<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
  String(decoding: bytes, as: UTF8.self)
}
