import XCTest

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs the built `zygote-expand` executable the way a user does, and checks its output against
/// the golden files, its exit status and its usage errors.
final class CommandLineTests: XCTestCase {
  private var executable = ""

  override func setUpWithError() throws {
    // Next to the test bundle (any build directory), else the package's own debug build.
    var candidates = [Files.packageRoot() + "/.build/debug/zygote-expand"]
    if let directory = ChildProcess.currentExecutableDirectory() { candidates.insert(directory + "/zygote-expand", at: 0) }
    guard let path = candidates.first(where: { access($0, X_OK) == 0 }) else {
      // A failure, not a skip: this is the only check of the real executable.
      throw MissingTool(candidates: candidates)
    }
    executable = path
  }

  func testReadmeExamplesMatchTheGoldenFile() throws {
    try assertMatchesGolden(GoldenInput(name: "readme.swift"), status: 0)
  }

  func testErrorsExitWithStatusOne() throws {
    try assertMatchesGolden(GoldenInput(name: "errors.swift"), status: 1)
  }

  func testFunctionOption() throws {
    let input = GoldenInput(name: "function-filter.swift")
    XCTAssertEqual(input.arguments(), ["--function", "train"])
    try assertMatchesGolden(input, status: 0)
  }

  func testUsageErrors() throws {
    let none = try ChildProcess.run(executable, [])
    XCTAssertEqual(none.status, .exited(2))
    XCTAssertEqual(none.stdout, "")
    XCTAssertTrue(none.stderr.hasPrefix("usage: zygote-expand FILE.swift"), none.stderr)

    let missing = try ChildProcess.run(executable, ["/nonexistent/file.swift"])
    XCTAssertEqual(missing.status, .exited(2))
    XCTAssertTrue(missing.stderr.contains("cannot read '/nonexistent/file.swift'"), missing.stderr)

    let noName = try ChildProcess.run(executable, [GoldenInput(name: "readme.swift").path, "--function"])
    XCTAssertEqual(noName.status, .exited(2))
    XCTAssertTrue(noName.stderr.contains("--function needs a name"), noName.stderr)

    let help = try ChildProcess.run(executable, ["--help"])
    XCTAssertEqual(help.status, .exited(0))
    XCTAssertTrue(help.stdout.hasPrefix("usage: zygote-expand FILE.swift"), help.stdout)
  }

  /// Runs the tool on `input` with its arguments and compares stdout with the golden file, the
  /// absolute path the tool prints replaced by the file's name.
  private func assertMatchesGolden(_ input: GoldenInput, status: Int32, line: UInt = #line) throws {
    let run = try ChildProcess.run(executable, [input.path] + input.arguments())
    XCTAssertEqual(run.status, .exited(status), run.stderr, line: line)
    XCTAssertEqual(run.stderr, "", line: line)
    let expected = try XCTUnwrap(Files.read(input.expectedPath), "run the golden tests first to record \(input.expectedPath)")
    let output = run.stdout.replacingAll(input.path, with: input.name)
    assertEqualLines(output, expected, "zygote-expand \(input.name)", line: line)
  }

  private struct MissingTool: Error, CustomStringConvertible {
    var candidates: [String]
    var description: String {
      "zygote-expand was not found at \(candidates.joined(separator: " or ")): run `swift build` first"
    }
  }
}

extension String {
  /// `self` with every occurrence of `target` replaced by `replacement` (no Foundation).
  fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty else { return self }
    var result = ""
    var rest = self[...]
    while let range = rest.firstRange(of: target) {
      result += rest[..<range.lowerBound]
      result += replacement
      rest = rest[range.upperBound...]
    }
    return result + rest
  }
}
