import XCTest
import ZygoteTransform

/// The report `zygote-expand` prints around the transform's output: headers, diagnostic
/// positions in the whole file, and the counts behind the exit status.
final class FileExpanderTests: XCTestCase {
  func testHeaderNamesTheMacroTheDeclarationAndTheLine() {
    let text = "import Zygote\n\n@Differentiable\nfunc f(_ x: Double) -> Double { 5 * x + 3 }\n"
    let report = FileExpander.report(fileText: text, fileName: "f.swift", onlyFunction: nil)
    XCTAssertTrue(report.text.hasPrefix("// @Differentiable on f (f.swift:3)\n"), report.text)
    XCTAssertEqual(report.useCount, 1)
    XCTAssertEqual(report.errorCount, 0, report.text)
  }

  func testDiagnosticsArePlacedInTheWholeFileCountingUTF8Bytes() {
    // The stored property's error points at the declaration; `é` is two bytes in the column.
    let text = "let é = 1\nstruct S {\n  /* é */ @Differentiable var stored: Double = 1\n}\n"
    let report = FileExpander.report(fileText: text, fileName: "s.swift", onlyFunction: nil)
    XCTAssertEqual(report.errorCount, 1, report.text)
    let diagnostic = report.text.split(separator: "\n").first { $0.contains(": error: ") }
    XCTAssertTrue(diagnostic?.hasPrefix("s.swift:3:12: error: ") ?? false, report.text)
  }

  func testNoUsesAndAnUnknownFunctionSaySo() {
    XCTAssertEqual(
      FileExpander.expand(fileText: "func f() {}\n", fileName: "a.swift", onlyFunction: nil),
      "// no macro uses in a.swift\n")
    XCTAssertEqual(
      FileExpander.expand(fileText: "@Differentiable func f(_ x: Double) -> Double { x }\n", fileName: "a.swift", onlyFunction: "g"),
      "// no macro use on or inside 'g' in a.swift\n")
  }

  func testSectionsAreSeparatedByOneBlankLine() {
    let text = "@Differentiable func f(_ x: Double) -> Double { x }\nlet d = #derivative(f, at: 1.0)\n"
    let output = FileExpander.expand(fileText: text, fileName: "a.swift", onlyFunction: nil)
    XCTAssertTrue(output.contains("\n\n// #derivative(f, at: 1.0) (a.swift:2)\n"), output)
    XCTAssertFalse(output.contains("\n\n\n"), output)
    XCTAssertTrue(output.hasSuffix("\n") && !output.hasSuffix("\n\n"), output)
  }
}
