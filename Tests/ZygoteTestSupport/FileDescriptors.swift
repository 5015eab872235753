// System-call helpers for tests that run the plugin as a subprocess or feed it through pipes.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A failed system call in a test helper.
public struct TestSystemError: Error, CustomStringConvertible {
  /// The system call that failed.
  public var function: String
  /// Its `errno`.
  public var code: Int32
  /// `"<function> failed with errno <code>"`.
  public var description: String { "\(function) failed with errno \(code)" }

  /// Records that `function` failed with `code`.
  public init(function: String, code: Int32) {
    self.function = function
    self.code = code
  }
}

/// Writes all of `bytes` to `descriptor`; false when the other end is gone.
@discardableResult
public func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Bool {
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

/// Reads from `descriptor` until end of input.
public func readAll(_ descriptor: Int32) -> [UInt8] {
  var result: [UInt8] = []
  var buffer = [UInt8](repeating: 0, count: 65536)
  while true {
    let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
    if count < 0 && errno == EINTR { continue }
    if count <= 0 { return result }
    result += buffer[0..<count]
  }
}

/// A `pipe(2)`: an in-memory byte channel between two descriptors. Both ends are close-on-exec,
/// so a child process gets only the ends it is explicitly handed.
public final class FilePipe {
  /// The end to read from (-1 once closed).
  public private(set) var readEnd: Int32
  /// The end to write to (-1 once closed).
  public private(set) var writeEnd: Int32

  /// Opens a pipe.
  public init() throws {
    var descriptors: [Int32] = [-1, -1]
    guard pipe(&descriptors) == 0 else { throw TestSystemError(function: "pipe", code: errno) }
    for descriptor in descriptors { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
    readEnd = descriptors[0]
    writeEnd = descriptors[1]
  }

  /// Writes all of `bytes` to the write end.
  public func write(_ bytes: [UInt8]) { writeAll(writeEnd, bytes) }

  /// Reads the read end until end of input.
  public func readAll() -> [UInt8] { ZygoteTestSupport.readAll(readEnd) }

  /// Closes the write end (the reader then sees end of input).
  public func closeWriteEnd() {
    if writeEnd >= 0 { closeDescriptor(writeEnd) }
    writeEnd = -1
  }

  /// Closes the read end.
  public func closeReadEnd() {
    if readEnd >= 0 { closeDescriptor(readEnd) }
    readEnd = -1
  }

  /// Closes both ends.
  public func close() {
    closeWriteEnd()
    closeReadEnd()
  }
}

/// A file in /tmp, open for reading and writing, removed by `remove()`.
public final class TemporaryFile {
  /// The open descriptor.
  public let descriptor: Int32
  /// The file's path.
  public let path: String

  /// Creates and opens a new file.
  public init() throws {
    var template = Array("/tmp/zygote-plugin-test-XXXXXX".utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { buffer in
      buffer.baseAddress.map { mkstemp($0) } ?? -1
    }
    guard descriptor >= 0 else { throw TestSystemError(function: "mkstemp", code: errno) }
    self.descriptor = descriptor
    path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// Writes all of `bytes` at the current offset.
  public func write(_ bytes: [UInt8]) { writeAll(descriptor, bytes) }

  /// Moves back to the start.
  public func rewind() { lseek(descriptor, 0, SEEK_SET) }

  /// Reads from the current offset to the end.
  public func readAll() -> [UInt8] { ZygoteTestSupport.readAll(descriptor) }

  /// Closes and deletes the file.
  public func remove() {
    _ = close(descriptor)
    unlink(path)
  }
}

/// `close(2)`, callable where a method named `close` hides the C function.
public func closeDescriptor(_ descriptor: Int32) {
  _ = close(descriptor)
}
