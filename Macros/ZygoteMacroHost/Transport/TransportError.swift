/// Why the byte stream from the host cannot be read as frames, or a reply cannot be written.
/// Each one ends the session: the plugin reports it on stderr and exits with status 1.
public enum TransportError: Error, Equatable, CustomStringConvertible {
  /// End of input inside an 8-byte length header.
  case truncatedHeader(received: Int)
  /// End of input inside a message body.
  case truncatedBody(expected: UInt64, received: Int)
  /// A length header larger than ``FrameConnection/maximumFrameLength``.
  case frameTooLarge(length: UInt64)
  /// `read(2)` failed.
  case readFailed(String)
  /// `write(2)` failed (for example, the host closed its end).
  case writeFailed(String)

  /// A sentence for stderr.
  public var description: String {
    switch self {
    case .truncatedHeader(let received):
      "input ended inside a frame header (\(received) of 8 bytes)"
    case .truncatedBody(let expected, let received):
      "input ended inside a frame (\(received) of \(expected) bytes)"
    case .frameTooLarge(let length):
      "frame length \(length) exceeds the limit of \(FrameConnection.maximumFrameLength) bytes"
    case .readFailed(let reason):
      "cannot read from the compiler: \(reason)"
    case .writeFailed(let reason):
      "cannot write to the compiler: \(reason)"
    }
  }
}
