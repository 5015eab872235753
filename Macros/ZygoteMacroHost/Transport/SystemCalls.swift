#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The few POSIX calls the transport makes, retried on `EINTR` and without Foundation.
enum SystemCalls {
  /// `read(2)`: bytes read (0 at end of input), or the `errno` of a failure.
  static func read(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer) -> Result<Int, SystemError> {
    guard let base = buffer.baseAddress, buffer.count > 0 else { return .success(0) }
    while true {
      let count = unistdRead(descriptor, base, buffer.count)
      if count >= 0 { return .success(count) }
      if errno != EINTR { return .failure(SystemError(function: "read", code: errno)) }
    }
  }

  /// Writes all of `bytes`, looping over partial writes.
  static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Result<Void, SystemError> {
    guard var pointer = bytes.baseAddress else { return .success(()) }
    var remaining = bytes.count
    while remaining > 0 {
      let count = unistdWrite(descriptor, pointer, remaining)
      if count < 0 {
        if errno == EINTR { continue }
        return .failure(SystemError(function: "write", code: errno))
      }
      if count == 0 { return .failure(SystemError(function: "write", code: 0)) }
      pointer += count
      remaining -= count
    }
    return .success(())
  }

  /// `dup(2)`.
  static func duplicate(_ descriptor: Int32) -> Result<Int32, SystemError> {
    let copy = dup(descriptor)
    return copy >= 0 ? .success(copy) : .failure(SystemError(function: "dup", code: errno))
  }

  /// `dup2(2)`: makes `target` refer to what `source` refers to.
  static func duplicate(_ source: Int32, onto target: Int32) -> Result<Void, SystemError> {
    while dup2(source, target) < 0 {
      if errno != EINTR { return .failure(SystemError(function: "dup2", code: errno)) }
    }
    return .success(())
  }

  /// Opens `/dev/null` for reading.
  static func openNullDevice() -> Result<Int32, SystemError> {
    let descriptor = open("/dev/null", O_RDONLY)
    return descriptor >= 0 ? .success(descriptor) : .failure(SystemError(function: "open(/dev/null)", code: errno))
  }

  /// `close(2)`, ignoring failure.
  static func closeQuietly(_ descriptor: Int32) {
    _ = close(descriptor)
  }

  /// Makes a write to a closed pipe fail with `EPIPE` instead of killing the process.
  static func ignoreBrokenPipes() {
    _ = signal(SIGPIPE, SIG_IGN)
  }

  /// Writes `message` and a newline to standard error (fd 2), ignoring failure.
  static func printToStandardError(_ message: String) {
    var line = Array(message.utf8)
    line.append(0x0A)
    _ = line.withUnsafeBytes { writeAll(2, $0) }
  }
}

/// A failed system call.
struct SystemError: Error, CustomStringConvertible {
  /// Which call failed.
  var function: String
  /// Its `errno`.
  var code: Int32

  var description: String {
    guard code != 0, let text = strerror(code) else { return "\(function) failed" }
    return "\(function) failed: \(String(cString: text))"
  }
}

// Module-qualified names would be ambiguous across C libraries; these aliases name the calls.
#if canImport(Glibc)
  private let unistdRead = Glibc.read
  private let unistdWrite = Glibc.write
#elseif canImport(Musl)
  private let unistdRead = Musl.read
  private let unistdWrite = Musl.write
#elseif canImport(Darwin)
  private let unistdRead = Darwin.read
  private let unistdWrite = Darwin.write
#endif
