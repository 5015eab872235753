#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reading and writing the test's data files with the C library (no Foundation).
enum Files {
  /// The directory of `path` (`.` for a bare name).
  static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return String(path[..<slash])
  }

  /// The last component of `path`.
  static func name(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return path }
    return String(path[path.index(after: slash)...])
  }

  /// The package root: `Tests/ZygoteExpandTests/Support/Files.swift` is three levels below it.
  static func packageRoot(filePath: String = #filePath) -> String {
    directory(of: directory(of: directory(of: directory(of: filePath))))
  }

  /// The names of the entries of `directory` ending in `suffix`, sorted.
  static func names(in directory: String, endingWith suffix: String) -> [String] {
    guard let handle = opendir(directory) else { return [] }
    defer { closedir(handle) }
    var names: [String] = []
    while let entry = readdir(handle) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { buffer in
        String(decoding: buffer.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name.hasSuffix(suffix) { names.append(name) }
    }
    return names.sorted()
  }

  /// The contents of the file at `path`, or nil if it cannot be read.
  static func read(_ path: String) -> String? {
    guard let handle = fopen(path, "rb") else { return nil }
    defer { fclose(handle) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, handle) }
      bytes += buffer[0..<count]
      if count < buffer.count { break }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Replaces the file at `path` with `text`; false if it cannot be written.
  @discardableResult
  static func write(_ text: String, to path: String) -> Bool {
    guard let handle = fopen(path, "wb") else { return false }
    defer { fclose(handle) }
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, handle) } == bytes.count
  }

  /// Whether the environment variable `name` is set to a non-empty value other than `0`.
  static func environmentFlag(_ name: String) -> Bool {
    guard let value = getenv(name) else { return false }
    let text = String(cString: value)
    return !text.isEmpty && text != "0"
  }
}
