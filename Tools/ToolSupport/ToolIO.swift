// File and standard-error helpers of the command-line tools (zygote-expand, zygote-generate):
// plain C calls, so that the tools need no Foundation.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes `text` to standard error.
public func printError(_ text: String) {
  var bytes = Array(text.utf8)[...]
  while !bytes.isEmpty {
    let count = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    guard count > 0 else { return }
    bytes = bytes.dropFirst(count)
  }
}

/// The contents of the file at `path`, or nil if it cannot be read.
public func readFile(_ path: String) -> [UInt8]? {
  guard let handle = fopen(path, "rb") else { return nil }
  defer { fclose(handle) }
  var contents: [UInt8] = []
  var buffer = [UInt8](repeating: 0, count: 65536)
  while true {
    let count = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, handle) }
    contents += buffer[0..<count]
    if count < buffer.count { return ferror(handle) == 0 ? contents : nil }
  }
}
