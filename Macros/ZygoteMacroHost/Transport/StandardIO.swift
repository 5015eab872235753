/// Takes over the process's standard streams for the protocol, as swift-syntax's own
/// connection does:
/// - messages are read from a duplicate of the original stdin and written to a duplicate of the
///   original stdout;
/// - fd 1 is then pointed at stderr, so a stray `print` anywhere in the plugin shows up in the
///   build log instead of corrupting the channel;
/// - fd 0 is pointed at `/dev/null`, so stray reads of stdin see end of input instead of
///   stealing message bytes or blocking;
/// - `SIGPIPE` is ignored, so a vanished host makes a write fail (and the plugin exit 1)
///   instead of killing it with a signal.
public enum StandardIO {
  /// The connection to the host over the original stdin and stdout.
  public static func takeOver() throws(TransportError) -> FrameConnection {
    SystemCalls.ignoreBrokenPipes()
    let input: Int32
    switch SystemCalls.duplicate(0) {
    case .success(let descriptor): input = descriptor
    case .failure(let error): throw .readFailed(error.description)
    }
    let output: Int32
    switch SystemCalls.duplicate(1) {
    case .success(let descriptor): output = descriptor
    case .failure(let error): throw .writeFailed(error.description)
    }
    if case .failure(let error) = SystemCalls.duplicate(2, onto: 1) { throw .writeFailed(error.description) }
    if case .success(let null) = SystemCalls.openNullDevice() {
      _ = SystemCalls.duplicate(null, onto: 0)
      SystemCalls.closeQuietly(null)
    }
    return FrameConnection(input: input, output: output)
  }
}
