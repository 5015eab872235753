import Foundation
import XCTest

/// Runs the example programs that check their own results (Examples/curve-fit and
/// Examples/collections-tour exit with status 1 when a fit misses or a gradient disagrees with
/// its finite difference) from the build directory, and checks their verdict lines.
final class ExampleProgramsTests: XCTestCase {
  func run(_ example: String) throws -> (status: Int32, output: String) {
    let executable = CompilerDiagnosticsTests.packageRoot.appendingPathComponent(".build/debug/\(example)")
    guard FileManager.default.fileExists(atPath: executable.path) else {
      XCTFail("build the package first (swift build --build-tests): missing \(executable.path)")
      return (-1, "")
    }
    let process = Process()
    process.executableURL = executable
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  func testCurveFitRecoversTheTrueParameters() throws {
    let (status, output) = try run("curve-fit")
    XCTAssertEqual(status, 0, output)
    XCTAssert(output.contains("fit: ok"), output)
  }

  func testCollectionsTourGradientsMatchFiniteDifferences() throws {
    let (status, output) = try run("collections-tour")
    XCTAssertEqual(status, 0, output)
    XCTAssert(output.contains("all gradients match their finite differences"), output)
    XCTAssertEqual(output.components(separatedBy: " ok\n").count - 1, 7, "seven checked gradients:\n\(output)")
  }
}
