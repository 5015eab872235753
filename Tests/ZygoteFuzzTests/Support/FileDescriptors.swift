#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A failed system call in a test helper.
struct TestSystemError: Error, CustomStringConvertible {
  var function: String
  var code: Int32
  var description: String { "\(function) failed with errno \(code)" }
}

/// Writes all of `bytes` to `descriptor`; false when the other end is gone.
@discardableResult
func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Bool {
  var written = 0
  while written < bytes.count {
    let count = bytes.withUnsafeBytes { buffer in
      write(descriptor, buffer.baseAddress.map { $0 + written }, bytes.count - written)
    }
    if count < 0 && errno == EINTR { continue }
    if count <= 0 { return false }
    written += count
  }
  return true
}

/// A `pipe(2)`: an in-memory byte channel between two descriptors. Both ends are close-on-exec,
/// so a child process gets only the ends it is explicitly handed.
final class FilePipe {
  private(set) var readEnd: Int32
  private(set) var writeEnd: Int32

  init() throws {
    var descriptors: [Int32] = [-1, -1]
    guard pipe(&descriptors) == 0 else { throw TestSystemError(function: "pipe", code: errno) }
    for descriptor in descriptors { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
    readEnd = descriptors[0]
    writeEnd = descriptors[1]
  }

  func write(_ bytes: [UInt8]) { writeAll(writeEnd, bytes) }

  func closeWriteEnd() {
    if writeEnd >= 0 { closeDescriptor(writeEnd) }
    writeEnd = -1
  }

  func closeReadEnd() {
    if readEnd >= 0 { closeDescriptor(readEnd) }
    readEnd = -1
  }

  func close() {
    closeWriteEnd()
    closeReadEnd()
  }
}

/// `close(2)`, callable where a method named `close` hides the C function.
func closeDescriptor(_ descriptor: Int32) {
  _ = close(descriptor)
}
