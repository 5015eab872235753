import Foundation

/// Runs commands the way a user would, for the tests that drive the compiler and SwiftPM.
enum Subprocess {
  /// The result of a finished command.
  struct Result {
    var status: Int32
    /// Standard output and standard error, interleaved as written.
    var output: String
  }

  /// The package's root: the nearest directory above this file with a Package.swift.
  static let packageRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" && !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
      url.deleteLastPathComponent()
    }
    return url
  }()

  /// Runs `arguments` through `/usr/bin/env` (so `swift` and `swiftc` come from `PATH`), in
  /// `directory` if given, and waits for it.
  static func run(_ arguments: [String], in directory: URL? = nil) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
  }

  /// Removes SwiftPM's build plans from a scratch path, so that the next build plans again.
  ///
  /// SwiftPM 6.3 reuses its plan while the manifests are unchanged, so a file added to this
  /// package (a local dependency of the example) is not compiled there ("cannot find 'X' in
  /// scope"). Planning again takes about a second; compiled files are kept.
  static func forgetBuildPlans(in scratchPath: URL) {
    for name in ["debug.yaml", "release.yaml", "plugin-tools.yaml"] {
      try? FileManager.default.removeItem(at: scratchPath.appendingPathComponent(name))
    }
  }

  /// A new empty directory under the system's temporary directory.
  static func temporaryDirectory(_ name: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("zygote-\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
