import XCTest
import ZygoteTransform
import ZygoteTestSupport

/// The fuzzer's own checks must catch what they claim to catch: a fuzzer whose oracle is blind
/// passes forever.
final class InvariantsTests: XCTestCase {
  func testAFailedExpansionWithoutAnErrorIsCaught() {
    let warningOnly = ExpansionResult(expandedSource: nil, diagnostics: [Diagnostic(.warning, "w", at: SourceRange(start: 0, end: 1))])
    XCTAssertNotNil(Invariants.check(warningOnly, sourceLength: 10))
    let explained = ExpansionResult(expandedSource: nil, diagnostics: [.error("e", at: SourceRange(start: 0, end: 1))])
    XCTAssertNil(Invariants.check(explained, sourceLength: 10))
    XCTAssertNil(Invariants.check(ExpansionResult(expandedSource: "x", diagnostics: []), sourceLength: 0))
  }

  func testRangesOutsideTheSourceAreCaught() {
    for range in [SourceRange(start: -1, end: 2), SourceRange(start: 3, end: 2), SourceRange(start: 0, end: 11)] {
      let result = ExpansionResult(expandedSource: "x", diagnostics: [.error("e", at: range)])
      XCTAssertNotNil(Invariants.check(result, sourceLength: 10), "\(range)")
    }
    let fixIt = Diagnostic.FixIt(message: "f", range: SourceRange(start: 5, end: 50), replacement: "")
    let result = ExpansionResult(expandedSource: "x", diagnostics: [.error("e", at: SourceRange(start: 0, end: 10), fixIts: [fixIt])])
    XCTAssertNotNil(Invariants.check(result, sourceLength: 10))
    XCTAssertNil(Invariants.check(ExpansionResult(expandedSource: "x", diagnostics: [.error("e", at: SourceRange(start: 10, end: 10))]), sourceLength: 10))
  }

  func testTheTreeWalkFindsRangesDeepInATree() {
    let bad = Expression.identifier(name: "x", range: SourceRange(start: 3, end: 99))
    let tree = Expression.binaryOperator(
      operator: "+", left: .integerLiteral(text: "1", range: SourceRange(start: 0, end: 1)),
      right: .call(callee: .identifier(name: "f", range: SourceRange(start: 2, end: 3)),
        arguments: [Argument(label: nil, value: .parenthesized(bad, range: SourceRange(start: 3, end: 5)), range: SourceRange(start: 3, end: 5))],
        trailingClosures: [], range: SourceRange(start: 2, end: 6)),
      range: SourceRange(start: 0, end: 6))
    XCTAssertNotNil(Invariants.checkParse(tree: tree as Any, diagnostics: [], sourceLength: 10))
    XCTAssertNil(Invariants.checkParse(tree: Optional(Expression.discard(range: SourceRange(start: 0, end: 1))) as Any, diagnostics: [], sourceLength: 10))
  }

  func testMoreThanTenErrorsAreCaught() {
    let errors = (0..<11).map { Diagnostic.error("e", at: SourceRange(start: $0, end: $0)) }
    XCTAssertNotNil(Invariants.checkParse(tree: [Statement](), diagnostics: errors, sourceLength: 20))
  }

  func testInputsAreReproducibleFromSeedAndIndex() {
    for index in [0, 1, 977, 49_999] {
      var first = SplitMix64(seed: 42, index: index)
      var second = SplitMix64(seed: 42, index: index)
      let a = FuzzInput.generate(using: &first)
      let b = FuzzInput.generate(using: &second)
      XCTAssertEqual(a.source, b.source)
      XCTAssertEqual(a.target, b.target)
    }
  }
}
