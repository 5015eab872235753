/// The compiler's message framing over two file descriptors: each message is an 8-byte
/// little-endian unsigned length followed by that many bytes (UTF-8 JSON).
///
/// A header of length 0, or end of input exactly between frames, ends the session. Anything
/// else short of a whole frame is a ``TransportError``.
public struct FrameConnection: Sendable {
  /// The largest frame accepted: far above any real request (a whole source file is rarely a
  /// megabyte), far below what would exhaust memory on a garbage length.
  public static let maximumFrameLength: UInt64 = 256 << 20

  /// Where frames are read from.
  public let input: Int32
  /// Where frames are written to.
  public let output: Int32

  /// Creates a connection over two open descriptors (the connection does not own them).
  public init(input: Int32, output: Int32) {
    self.input = input
    self.output = output
  }

  /// The next frame's payload; nil at the end of the session.
  public func readFrame() throws(TransportError) -> [UInt8]? {
    var header = [UInt8](repeating: 0, count: 8)
    let headerBytes = try readFully(into: &header, count: 8)
    if headerBytes == 0 { return nil }
    guard headerBytes == 8 else { throw .truncatedHeader(received: headerBytes) }
    var length: UInt64 = 0
    for (index, byte) in header.enumerated() { length |= UInt64(byte) << (8 * UInt64(index)) }
    if length == 0 { return nil }
    guard length <= Self.maximumFrameLength else { throw .frameTooLarge(length: length) }
    let count = Int(length)
    // Grow with what actually arrives, so a lying header costs no memory.
    var payload: [UInt8] = []
    payload.reserveCapacity(min(count, 1 << 20))
    var chunk = [UInt8](repeating: 0, count: min(count, 1 << 16))
    while payload.count < count {
      let wanted = min(count - payload.count, chunk.count)
      let received = try readFully(into: &chunk, count: wanted)
      payload.append(contentsOf: chunk[0..<received])
      if received < wanted { throw .truncatedBody(expected: length, received: payload.count) }
    }
    return payload
  }

  /// Writes one frame: the header, then `payload`.
  public func writeFrame(_ payload: [UInt8]) throws(TransportError) {
    var frame: [UInt8] = []
    frame.reserveCapacity(8 + payload.count)
    let length = UInt64(payload.count)
    for index in 0..<8 { frame.append(UInt8(truncatingIfNeeded: length >> (8 * UInt64(index)))) }
    frame.append(contentsOf: payload)
    let result = frame.withUnsafeBytes { SystemCalls.writeAll(output, $0) }
    if case .failure(let error) = result { throw .writeFailed(error.description) }
  }

  /// Reads until `count` bytes are in `buffer` or input ends; returns how many arrived.
  private func readFully(into buffer: inout [UInt8], count: Int) throws(TransportError) -> Int {
    var filled = 0
    while filled < count {
      let result = buffer.withUnsafeMutableBytes { bytes in
        SystemCalls.read(input, into: UnsafeMutableRawBufferPointer(rebasing: bytes[filled..<count]))
      }
      switch result {
      case .success(0): return filled
      case .success(let received): filled += received
      case .failure(let error): throw .readFailed(error.description)
      }
    }
    return filled
  }
}
