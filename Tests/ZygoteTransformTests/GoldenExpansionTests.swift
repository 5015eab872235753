import XCTest
@testable import ZygoteTransform

/// Golden expansion tests: every `Golden/<feature>/<case>.swift` is expanded as the compiler
/// would expand it, and the result is compared with `<case>.expanded.swift` next to it.
///
/// A case file holds one declaration carrying `@Differentiable` or `@Adjoint(of:)` (a peer
/// expansion), or one line starting with `#` (a freestanding expansion). A first line
/// `// context: <declaration>` puts the case inside that lexical context (e.g. a struct), and
/// `// role: body` expands `@Differentiable`'s body role instead of its peer.
/// `RECORD_GOLDEN=1 swift test` rewrites the expected files and fails, so that a reviewer reads
/// the diff.
final class GoldenExpansionTests: XCTestCase {
  static let goldenDirectory: String = {
    var path = #filePath
    while let last = path.last, last != "/" { path.removeLast() }
    return path + "Golden"
  }()

  func testEveryGoldenCase() throws {
    let cases = GoldenFiles.cases(under: Self.goldenDirectory)
    XCTAssertGreaterThan(cases.count, 10, "golden cases not found under \(Self.goldenDirectory)")
    let recording = getenv("RECORD_GOLDEN") != nil
    for casePath in cases {
      let source = try XCTUnwrap(GoldenFiles.read(casePath), "cannot read \(casePath)")
      let actual = GoldenFiles.expand(source)
      let expectedPath = String(casePath.dropLast(".swift".count)) + ".expanded.swift"
      if recording {
        GoldenFiles.write(actual, to: expectedPath)
        XCTFail("recorded \(expectedPath); unset RECORD_GOLDEN and review the diff")
        continue
      }
      guard let expected = GoldenFiles.read(expectedPath) else {
        XCTFail("missing \(expectedPath); run with RECORD_GOLDEN=1 to create it")
        continue
      }
      if actual != expected {
        XCTFail("expansion of \(casePath) differs from the golden file:\n\(GoldenFiles.lineDiff(expected: expected, actual: actual))")
      }
    }
  }
}

/// Reading, expanding and comparing golden files, with no Foundation.
enum GoldenFiles {
  static func cases(under directory: String) -> [String] {
    var result: [String] = []
    for feature in list(directory).sorted() {
      let folder = directory + "/" + feature
      for file in list(folder).sorted() where file.hasSuffix(".swift") && !file.hasSuffix(".expanded.swift") {
        result.append(folder + "/" + file)
      }
    }
    return result
  }

  static func list(_ directory: String) -> [String] {
    guard let handle = opendir(directory) else { return [] }
    defer { closedir(handle) }
    var names: [String] = []
    while let entry = readdir(handle) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      if !name.hasPrefix(".") { names.append(name) }
    }
    return names
  }

  static func read(_ path: String) -> String? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = fread(&buffer, 1, buffer.count, file)
      if count <= 0 { break }
      bytes += buffer[0..<count]
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  static func write(_ text: String, to path: String) {
    guard let file = fopen(path, "wb") else { return }
    defer { fclose(file) }
    let bytes = Array(text.utf8)
    _ = fwrite(bytes, 1, bytes.count, file)
  }

  /// The expansion of a case, or its diagnostics as `error: line:column: message` lines.
  static func expand(_ caseSource: String) -> String {
    var lines = caseSource.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var lexicalContext: [String] = []
    var role = "peer"
    while let first = lines.first, first.hasPrefix("// context: ") || first.hasPrefix("// role: ") {
      if first.hasPrefix("// role: ") {
        role = String(first.dropFirst("// role: ".count))
      } else {
        lexicalContext.append(String(first.dropFirst("// context: ".count)))
      }
      lines.removeFirst()
    }
    let source = lines.joined(separator: "\n")
    let context = ExpansionContext(fileName: "case.swift", line: 1 + (caseSource.split(separator: "\n", omittingEmptySubsequences: false).count - lines.count), column: 1, lexicalContext: lexicalContext)
    let trimmed = source.trimmingSpaces
    let result: ExpansionResult
    if trimmed.hasPrefix("#") {
      let name = String(trimmed.dropFirst().prefix { $0.isLetter })
      result = MacroExpander.expandFreestanding(macroName: name, source: trimmed, context: context)
    } else {
      let name = trimmed.hasPrefix("@Adjoint") ? "Adjoint" : (trimmed.hasPrefix("@DifferentiableStruct") ? "DifferentiableStruct" : "Differentiable")
      if name == "DifferentiableStruct" {
        let members = MacroExpander.expandAttached(
          macroName: name, role: "member", attributeSource: "@\(name)", declarationSource: source, extendedType: nil, context: context)
        let conformance = MacroExpander.expandAttached(
          macroName: name, role: "extension", attributeSource: "@\(name)", declarationSource: source, extendedType: nil, context: context)
        result = ExpansionResult(
          expandedSource: [members.expandedSource, conformance.expandedSource].compactMap { $0 }.joined(separator: "\n"),
          diagnostics: members.diagnostics + conformance.diagnostics)
      } else {
        result = MacroExpander.expandAttached(
          macroName: name, role: role, attributeSource: "@\(name)", declarationSource: source, extendedType: nil, context: context)
      }
    }
    var output = result.expandedSource ?? ""
    let file = SourceFile(trimmed.hasPrefix("#") ? trimmed : source)
    for diagnostic in result.diagnostics {
      let position = file.lineAndColumn(ofUTF8Offset: diagnostic.range.start)
      output += "\n\(diagnostic.severity.rawValue): \(position.line + context.line - 1):\(position.column): \(diagnostic.message)"
    }
    return output.trimmingSpaces + "\n"
  }

  static func lineDiff(expected: String, actual: String) -> String {
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var out: [String] = []
    for index in 0..<max(e.count, a.count) {
      let left = index < e.count ? String(e[index]) : "<none>"
      let right = index < a.count ? String(a[index]) : "<none>"
      if left != right { out.append("line \(index + 1):\n  - \(left)\n  + \(right)") }
      if out.count > 20 { break }
    }
    return out.joined(separator: "\n")
  }
}
