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

/// Reads from `descriptor` until end of input.
func readAll(_ descriptor: Int32) -> [UInt8] {
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

  func readAll() -> [UInt8] { ZygoteMacrosTests.readAll(readEnd) }

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

/// A file in /tmp, open for reading and writing, removed by `remove()`.
final class TemporaryFile {
  let descriptor: Int32
  let path: String

  init() throws {
    var template = Array("/tmp/zygote-plugin-test-XXXXXX".utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { buffer in
      buffer.baseAddress.map { mkstemp($0) } ?? -1
    }
    guard descriptor >= 0 else { throw TestSystemError(function: "mkstemp", code: errno) }
    self.descriptor = descriptor
    path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  func write(_ bytes: [UInt8]) { writeAll(descriptor, bytes) }

  func rewind() { lseek(descriptor, 0, SEEK_SET) }

  func readAll() -> [UInt8] { ZygoteMacrosTests.readAll(descriptor) }

  func remove() {
    _ = close(descriptor)
    unlink(path)
  }
}

/// `close(2)`, callable where a method named `close` hides the C function.
func closeDescriptor(_ descriptor: Int32) {
  _ = close(descriptor)
}
