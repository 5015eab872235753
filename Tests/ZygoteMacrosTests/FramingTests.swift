import XCTest

@testable import ZygoteMacroHost
import ZygoteTestSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

final class FramingTests: XCTestCase {
  // MARK: Frames through a pipe

  func testFramesRoundTripThroughAPipe() throws {
    let pipe = try FilePipe()
    defer { pipe.close() }
    let connection = FrameConnection(input: pipe.readEnd, output: pipe.writeEnd)
    let payloads: [[UInt8]] = [Array("{}".utf8), Array("héllo 😀".utf8), [0], Array(repeating: 0x41, count: 4000)]
    for payload in payloads { try connection.writeFrame(payload) }
    for payload in payloads { XCTAssertEqual(try connection.readFrame(), payload) }
  }

  func testHeaderIsEightBytesLittleEndian() throws {
    let pipe = try FilePipe()
    defer { pipe.close() }
    try FrameConnection(input: pipe.readEnd, output: pipe.writeEnd).writeFrame(Array(repeating: 7, count: 0x0102))
    pipe.closeWriteEnd()
    XCTAssertEqual(Array(pipe.readAll().prefix(9)), [0x02, 0x01, 0, 0, 0, 0, 0, 0, 7])
  }

  func testReadsAFrameWrittenByHand() throws {
    let pipe = try FilePipe()
    defer { pipe.close() }
    pipe.write([5, 0, 0, 0, 0, 0, 0, 0] + Array("hello".utf8))
    XCTAssertEqual(try FrameConnection(input: pipe.readEnd, output: -1).readFrame(), Array("hello".utf8))
  }

  func testZeroLengthHeaderEndsTheSession() throws {
    let pipe = try FilePipe()
    defer { pipe.close() }
    let connection = FrameConnection(input: pipe.readEnd, output: pipe.writeEnd)
    try connection.writeFrame([])
    try connection.writeFrame(Array("after".utf8))
    XCTAssertNil(try connection.readFrame())
  }

  func testEndOfInputBetweenFramesEndsTheSession() throws {
    let pipe = try FilePipe()
    defer { pipe.close() }
    let connection = FrameConnection(input: pipe.readEnd, output: pipe.writeEnd)
    try connection.writeFrame(Array("x".utf8))
    pipe.closeWriteEnd()
    XCTAssertEqual(try connection.readFrame(), Array("x".utf8))
    XCTAssertNil(try connection.readFrame())
    XCTAssertNil(try connection.readFrame())
  }

  func testTruncatedHeaderIsAnError() throws {
    let pipe = try FilePipe()
    defer { pipe.close() }
    pipe.write([3, 0, 0])
    pipe.closeWriteEnd()
    XCTAssertThrowsError(try FrameConnection(input: pipe.readEnd, output: -1).readFrame()) { error in
      XCTAssertEqual(error as? TransportError, .truncatedHeader(received: 3))
    }
  }

  func testTruncatedBodyIsAnError() throws {
    let pipe = try FilePipe()
    defer { pipe.close() }
    pipe.write([10, 0, 0, 0, 0, 0, 0, 0] + Array("abc".utf8))
    pipe.closeWriteEnd()
    XCTAssertThrowsError(try FrameConnection(input: pipe.readEnd, output: -1).readFrame()) { error in
      XCTAssertEqual(error as? TransportError, .truncatedBody(expected: 10, received: 3))
    }
  }

  func testAbsurdLengthIsAnErrorWithoutAllocating() throws {
    let pipe = try FilePipe()
    defer { pipe.close() }
    pipe.write([0, 0, 0, 0, 0, 0, 0, 0x40] + Array("{}".utf8))
    XCTAssertThrowsError(try FrameConnection(input: pipe.readEnd, output: -1).readFrame()) { error in
      XCTAssertEqual(error as? TransportError, .frameTooLarge(length: 0x4000_0000_0000_0000))
    }
  }

  func testLargeFrameRoundTripsThroughAFile() throws {
    let file = try TemporaryFile()
    defer { file.remove() }
    let payload = (0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
    let connection = FrameConnection(input: file.descriptor, output: file.descriptor)
    try connection.writeFrame(payload)
    try connection.writeFrame(Array("next".utf8))
    file.rewind()
    XCTAssertEqual(try connection.readFrame(), payload)
    XCTAssertEqual(try connection.readFrame(), Array("next".utf8))
    XCTAssertNil(try connection.readFrame())
  }

  func testWritingToAClosedPipeIsAnErrorNotASignal() throws {
    signal(SIGPIPE, SIG_IGN)
    let pipe = try FilePipe()
    defer { pipe.close() }
    pipe.closeReadEnd()
    XCTAssertThrowsError(try FrameConnection(input: -1, output: pipe.writeEnd).writeFrame([1])) { error in
      guard case .writeFailed = error as? TransportError else { return XCTFail("\(error)") }
    }
  }

  // MARK: The message loop over files

  func testLoopAnswersEachFrameAndEndsCleanly() throws {
    let (status, replies, _, _) = try runLoop(frames: [
      HostMessage.getCapability(protocolVersion: 7).json,
      try JSONParser.parse(SampleMessages.freestandingAfterComment),
      try JSONParser.parse(SampleMessages.attachedAfterDocComment),
    ])
    XCTAssertEqual(status, 0)
    XCTAssertEqual(replies.count, 3)
    XCTAssertEqual(replies.first, .getCapabilityResult(protocolVersion: 7, features: []))
    XCTAssertEqual(replies.dropFirst().first, .expandMacroResult(expandedSource: "\n  // a comment before the macro\n  #gradient(1)", diagnostics: []))
  }

  func testLoopStopsAtZeroLengthFrame() throws {
    var input = frameBytes(JSONSerializer.serialize(HostMessage.getCapability(protocolVersion: 7).json))
    input += [0, 0, 0, 0, 0, 0, 0, 0]
    input += frameBytes(Array("not even JSON".utf8))
    let (status, replies, _, _) = try runLoop(rawInput: input)
    XCTAssertEqual(status, 0)
    XCTAssertEqual(replies.count, 1)
  }

  func testLoopFailsOnMalformedJSONAfterAnsweringWhatCameBefore() throws {
    var input = frameBytes(JSONSerializer.serialize(HostMessage.getCapability(protocolVersion: 7).json))
    input += frameBytes(Array("{\"getCapability\":".utf8))
    let (status, replies, rest, report) = try runLoop(rawInput: input)
    XCTAssertEqual(status, 1)
    XCTAssertEqual(replies.count, 1)
    XCTAssertEqual(rest, [])
    XCTAssertEqual(report, ["the compiler sent a message that is not JSON (malformed JSON at byte 17: unexpected end of input, expected a value)"])
  }

  func testLoopFailsOnTruncatedFrame() throws {
    let (status, replies, _, report) = try runLoop(rawInput: [200, 0, 0, 0, 0, 0, 0, 0] + Array("{}".utf8))
    XCTAssertEqual(status, 1)
    XCTAssertEqual(replies, [])
    XCTAssertEqual(report, ["input ended inside a frame (2 of 200 bytes)"])
  }

  // MARK: Helpers

  private func frameBytes(_ payload: [UInt8]) -> [UInt8] {
    var bytes: [UInt8] = (0..<8).map { UInt8(truncatingIfNeeded: UInt64(payload.count) >> (8 * UInt64($0))) }
    bytes += payload
    return bytes
  }

  private func runLoop(frames: [JSONValue]) throws -> (Int32, [PluginReply], [UInt8], [String]) {
    try runLoop(rawInput: frames.flatMap { frameBytes(JSONSerializer.serialize($0)) })
  }

  /// Runs the loop in process with `rawInput` as its input file and an echoing transform;
  /// returns the exit status, the decoded replies, any bytes after the last whole frame and
  /// what the loop reported for stderr.
  private func runLoop(rawInput: [UInt8]) throws -> (Int32, [PluginReply], [UInt8], [String]) {
    let input = try TemporaryFile()
    let output = try TemporaryFile()
    defer {
      input.remove()
      output.remove()
    }
    input.write(rawInput)
    input.rewind()
    var handler = MessageHandler(expander: .echo)
    var report: [String] = []
    let status = MessageLoop.run(
      connection: FrameConnection(input: input.descriptor, output: output.descriptor), handler: &handler,
      report: { report.append($0) })
    output.rewind()
    let (frames, rest) = FrameSplitter.split(output.readAll())
    let replies = try frames.map { try PluginReply(json: JSONParser.parse($0)) }
    return (status, replies, rest, report)
  }
}
