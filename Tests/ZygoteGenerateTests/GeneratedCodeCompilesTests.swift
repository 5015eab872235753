import Foundation
import XCTest
import ZygoteTransform

/// Type-checks golden inputs together with their generated file using the real compiler and the
/// built macro plugin (as the build plugin's output is compiled with a target), and checks which
/// errors the compiler reports, at which line.
final class GeneratedCodeCompilesTests: XCTestCase {
  /// An error the compiler must report: in `file` (a case's file name), at `line`, containing `text`.
  struct ExpectedError: CustomStringConvertible {
    var file: String
    var line: Int
    var text: String
    var description: String { "\(file):\(line): \(text)" }
  }

  /// The cases that must type-check without errors: the generated rules are valid Swift, find
  /// each other and the macro's rules, and no declaration is made twice.
  func testGeneratedFilesTypeCheckWithTheirTargets() throws {
    for caseName in ["transitive", "skips", "methods", "gradient-closures"] {
      try assertTypeCheck(caseName, expecting: [])
    }
  }

  /// A callee with no source in the target and no rule (`cbrt`) is still a compile error that
  /// names it, at the line of the user's file that calls it, inside an unannotated helper.
  func testCalleeWithoutSourceOrRuleIsACompileErrorNamingIt() throws {
    try assertTypeCheck(
      "missing-rule",
      expecting: [ExpectedError(file: "Missing.swift", line: 12, text: "'cbrt' has no derivative: mark it @Differentiable, write an @Adjoint(of: cbrt)")])
  }

  /// A private callee is refused at its own line, and the call is refused at the caller's.
  func testPrivateCalleeIsACompileErrorAtItsLine() throws {
    try assertTypeCheck(
      "private-helper",
      expecting: [
        ExpectedError(file: "Private.swift", line: 9, text: "ZygotePlugin cannot differentiate 'hidden', which differentiated code calls: 'hidden' is private"),
        ExpectedError(file: "Private.swift", line: 5, text: "'hidden' has no derivative"),
      ])
  }

  /// Calls whose names mean a method, a nested function or a parameter where they are written are
  /// compile errors at their functions, so no build takes the free function's derivative for them.
  func testShadowedCalleesAreCompileErrors() throws {
    let method = "call the method as 'self.scale(...)'"
    try assertTypeCheck(
      "shadowing",
      expecting: [
        ExpectedError(
          file: "Shadowing.swift", line: 13,
          text: "in 'predict', 'scale(...)' calls a method of 'Model', but its derivative would be taken from the free function 'scale'; \(method)"),
        ExpectedError(file: "Shadowing.swift", line: 18, text: "in 'outer', 'offset(...)' calls a local name in 'outer'"),
        ExpectedError(file: "Shadowing.swift", line: 37, text: "in 'run', 'offset(...)' calls a parameter of 'run'"),
        ExpectedError(file: "Shadowing.swift", line: 48, text: "in 'grow', 'scale(...)' calls a method of 'Sized'"),
      ],
      // The macro's own expansions of these functions fail too (no rule for the free function).
      allowingOtherErrors: true)
  }

  /// A target holding the committed output of `swift package zygote-generate` and still using the
  /// build plugin: the plugin sees the committed rules and generates nothing, so nothing is
  /// declared twice, and the three files type-check together.
  func testCommittedOutputAndBuildPluginNeverDeclareARuleTwice() throws {
    let inputs = try GoldenGenerationTests.inputs(of: "transitive")
    let committed = ModuleGenerator.generate(files: inputs)
    let again = ModuleGenerator.generate(files: inputs + [ModuleSourceFile(path: "transitive/ZygotePullbacks.swift", text: committed.source)])
    XCTAssertEqual(again.generatedFunctions, [])
    XCTAssertTrue(again.source.contains("No function needs a generated pullback."))
    try assertTypeCheck("transitive", expecting: [], extraFiles: [("ZygotePullbacks.swift", committed.source), ("ZygoteGenerated.swift", again.source)])
  }

  // MARK: Running the compiler

  private func assertTypeCheck(
    _ caseName: String, expecting expected: [ExpectedError], extraFiles: [(String, String)]? = nil,
    allowingOtherErrors: Bool = false, line: UInt = #line
  ) throws {
    let build = Subprocess.packageRoot.appendingPathComponent(".build/debug")
    let plugin = build.appendingPathComponent("ZygoteMacros-tool").path
    let modules = build.appendingPathComponent("Modules").path
    guard FileManager.default.fileExists(atPath: plugin), FileManager.default.fileExists(atPath: modules) else {
      XCTFail("build the package first (swift build --build-tests): missing \(plugin) or \(modules)", line: line)
      return
    }
    // The case's files with absolute paths (as the build plugin sees them), and their generated file.
    let directory = try Subprocess.temporaryDirectory(caseName)
    defer { try? FileManager.default.removeItem(at: directory) }
    let inputs = try GoldenGenerationTests.inputs(of: caseName).map { file in
      ModuleSourceFile(path: directory.appendingPathComponent(URL(fileURLWithPath: file.path).lastPathComponent).path, text: file.text)
    }
    for file in inputs { try file.text.write(toFile: file.path, atomically: true, encoding: .utf8) }
    let extras = extraFiles ?? [("ZygoteGenerated.swift", ModuleGenerator.generate(files: inputs).source)]
    var paths = inputs.map(\.path)
    for (name, text) in extras {
      let path = directory.appendingPathComponent(name).path
      try text.write(toFile: path, atomically: true, encoding: .utf8)
      paths.append(path)
    }
    let result = try Subprocess.run(
      ["swiftc", "-typecheck", "-swift-version", "6", "-module-name", "Case", "-I", modules,
       "-load-plugin-executable", "\(plugin)#ZygoteMacros"] + paths)
    let reported = result.output.split(separator: "\n").filter { $0.contains(": error: ") }.map(String.init)
    for error in expected {
      let prefix = directory.appendingPathComponent(error.file).path + ":\(error.line):"
      XCTAssert(
        reported.contains { $0.hasPrefix(prefix) && $0.contains(error.text) },
        "\(caseName): expected an error \(error); the compiler said:\n\(result.output)", line: line)
    }
    for report in reported where !allowingOtherErrors {
      let matched = expected.contains { error in
        report.hasPrefix(directory.appendingPathComponent(error.file).path + ":\(error.line):")
      }
      XCTAssert(matched, "\(caseName): unexpected error: \(report)\n\(result.output)", line: line)
    }
    XCTAssertEqual(result.status == 0, expected.isEmpty, "\(caseName): compiler exit status \(result.status)\n\(result.output)", line: line)
  }
}
