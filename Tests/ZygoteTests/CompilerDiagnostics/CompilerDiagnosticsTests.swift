import Foundation
import XCTest

/// Compiles each file of `Cases/` with the real compiler and the built plugin, and checks that
/// every error is reported at the line and column its `// ERROR <column>: <text>` comment names,
/// with that text in its message, and that no other error is reported (Go's ERROR comments).
final class CompilerDiagnosticsTests: XCTestCase {
  static let packageRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" && !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
      url.deleteLastPathComponent()
    }
    return url
  }()

  func testEveryCaseReportsItsErrorsAtTheUsersLine() throws {
    let root = Self.packageRoot
    let build = root.appendingPathComponent(".build/debug")
    let plugin = build.appendingPathComponent("ZygoteMacros-tool").path
    let modules = build.appendingPathComponent("Modules").path
    guard FileManager.default.fileExists(atPath: plugin), FileManager.default.fileExists(atPath: modules) else {
      XCTFail("build the package first (swift build --build-tests): missing \(plugin) or \(modules)")
      return
    }
    let casesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Cases")
    let cases = try FileManager.default.contentsOfDirectory(atPath: casesDirectory.path).filter { $0.hasSuffix(".swift") }.sorted()
    XCTAssertGreaterThanOrEqual(cases.count, 5)
    for name in cases {
      let path = casesDirectory.appendingPathComponent(name).path
      let source = try String(contentsOfFile: path, encoding: .utf8)
      let expected = Self.expectedErrors(in: source)
      XCTAssertFalse(expected.isEmpty, "\(name) declares no ERROR comment")
      let output = try Self.typecheck(path, plugin: plugin, modules: modules)
      let reported = Self.reportedErrors(in: output, file: path)
      for error in expected {
        XCTAssert(
          reported.contains { $0.line == error.line && $0.column == error.column && $0.message.contains(error.text) },
          "\(name):\(error.line):\(error.column): expected an error containing '\(error.text)'; compiler said:\n\(output)")
      }
      for error in reported where !expected.contains(where: { $0.line == error.line }) {
        XCTFail("\(name):\(error.line):\(error.column): unexpected error: \(error.message)")
      }
    }
  }

  struct ExpectedError { var line: Int; var column: Int; var text: String }
  struct ReportedError { var line: Int; var column: Int; var message: String }

  /// `// ERROR 12: text` on a line expects an error at that line, column 12, containing `text`.
  static func expectedErrors(in source: String) -> [ExpectedError] {
    var result: [ExpectedError] = []
    for (index, line) in source.components(separatedBy: "\n").enumerated() {
      guard let marker = line.range(of: "// ERROR ") else { continue }
      let rest = line[marker.upperBound...]
      guard let colon = rest.firstIndex(of: ":"), let column = Int(rest[..<colon]) else { continue }
      let text = rest[rest.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      result.append(ExpectedError(line: index + 1, column: column, text: text))
    }
    return result
  }

  static func reportedErrors(in output: String, file: String) -> [ReportedError] {
    var result: [ReportedError] = []
    for line in output.components(separatedBy: "\n") where line.hasPrefix(file + ":") && line.contains(": error: ") {
      let parts = line.dropFirst(file.count + 1).split(separator: ":", maxSplits: 3)
      guard parts.count == 4, let row = Int(parts[0]), let column = Int(parts[1]) else { continue }
      let message = String(parts[3]).replacingOccurrences(of: " error: ", with: "", options: .anchored)
      if !result.contains(where: { $0.line == row && $0.column == column && $0.message == message }) {
        result.append(ReportedError(line: row, column: column, message: message))
      }
    }
    return result
  }

  static func typecheck(_ path: String, plugin: String, modules: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "swiftc", "-typecheck", "-swift-version", "5", "-I", modules,
      "-load-plugin-executable", "\(plugin)#ZygoteMacros", path,
    ]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }
}
