import XCTest
import ZygoteTransform

/// Runs `FileExpander` (the logic of `zygote-expand`) on every `Inputs/*.swift` and compares the
/// output with `Inputs/*.expanded.txt`.
///
/// Adding a case means adding an input file. `RECORD_GOLDEN=1 swift test --filter
/// ZygoteExpandTests` rewrites the expected files and fails, so that someone reads the diff
/// before committing it; a missing expected file is recorded the same way.
final class GoldenFileTests: XCTestCase {
  func testEveryInputMatchesItsExpectedOutput() throws {
    let inputs = GoldenInput.all()
    XCTAssertGreaterThanOrEqual(inputs.count, 5, "inputs missing from \(GoldenInput.directory)")
    let record = Files.environmentFlag("RECORD_GOLDEN")
    for input in inputs {
      let text = try XCTUnwrap(input.text(), "cannot read \(input.path)")
      let actual = FileExpander.expand(fileText: text, fileName: input.name, onlyFunction: input.function())
      let expected = Files.read(input.expectedPath)
      if record || expected == nil {
        XCTAssertTrue(Files.write(actual, to: input.expectedPath), "cannot write \(input.expectedPath)")
        XCTFail("Recorded new baseline \(input.expectedPath): review it, then run again without RECORD_GOLDEN")
        continue
      }
      assertEqualLines(actual, expected ?? "", "\(input.name) differs from \(input.expectedPath)")
    }
  }

  func testTheReadmeExamplesAreAmongTheInputs() throws {
    let text = try XCTUnwrap(GoldenInput(name: "readme.swift").text())
    XCTAssertTrue(text.contains("@Differentiable\nfunc f(_ x: Double) -> Double { 5 * x + 3 }"))
    XCTAssertTrue(text.contains("if i % 2 == 0 { s = sin(s) * y } else { s += x / (1 + y * y) }"))
  }

  func testTheSameInputGivesTheSameOutput() throws {
    let text = try XCTUnwrap(GoldenInput(name: "types-and-nesting.swift").text())
    let first = FileExpander.expand(fileText: text, fileName: "a.swift", onlyFunction: nil)
    for _ in 0..<3 {
      XCTAssertEqual(FileExpander.expand(fileText: text, fileName: "a.swift", onlyFunction: nil), first)
    }
  }
}
