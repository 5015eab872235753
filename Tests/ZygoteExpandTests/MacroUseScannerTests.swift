import XCTest

@testable import ZygoteTransform

/// How `zygote-expand` finds macro uses in a file: which declarations, where they end, and the
/// lexical context the compiler would send with each.
final class MacroUseScannerTests: XCTestCase {
  func testAttachedUseOnATopLevelFunction() {
    let uses = MacroUseScanner.scan("import Zygote\n\n@Differentiable\nfunc f(_ x: Double) -> Double { 5 * x + 3 }\nlet y = 1\n")
    XCTAssertEqual(uses.count, 1)
    XCTAssertEqual(uses.first?.macroName, "Differentiable")
    XCTAssertEqual(uses.first?.kind, .attached(attribute: "@Differentiable", role: "peer", extendedType: nil))
    XCTAssertEqual(uses.first?.source, "@Differentiable\nfunc f(_ x: Double) -> Double { 5 * x + 3 }")
    XCTAssertEqual(uses.first?.declarationName, "f")
    XCTAssertEqual(uses.first?.lexicalContext, [])
    XCTAssertEqual(uses.first?.range, SourceRange(start: 15, end: 74))
  }

  func testMethodsAndNestedFunctionsGetTheirEnclosingHeaders() {
    let text = """
      struct A: Equatable {
        var w = 1.0
        func outer(_ x: Double) -> Double {
          @Differentiable
          func inner(_ y: Double) -> Double { y * w }
          return inner(x)
        }
        @Differentiable static func s(_ x: Double) -> Double { x }
      }
      """
    let uses = MacroUseScanner.scan(text)
    XCTAssertEqual(uses.map(\.declarationName), ["inner", "s"])
    XCTAssertEqual(uses.first?.lexicalContext, ["func outer(_ x: Double) -> Double ", "struct A: Equatable {}"])
    XCTAssertEqual(uses.first?.enclosingNames, ["outer", "A"])
    XCTAssertEqual(uses.last?.source, "@Differentiable static func s(_ x: Double) -> Double { x }")
    XCTAssertEqual(uses.last?.lexicalContext, ["struct A: Equatable {}"])
  }

  func testDifferentiableStructHasAMemberAndAnExtensionUse() {
    let text = "enum Outer {\n  @DifferentiableStruct\n  public struct Inner { var x: Double }\n}\n"
    let uses = MacroUseScanner.scan(text)
    XCTAssertEqual(
      uses.map(\.kind),
      [
        .attached(attribute: "@DifferentiableStruct", role: "member", extendedType: nil),
        .attached(attribute: "@DifferentiableStruct", role: "extension", extendedType: "Outer.Inner"),
      ])
    XCTAssertEqual(uses.first?.source, "@DifferentiableStruct\n  public struct Inner { var x: Double }")
    XCTAssertEqual(uses.first?.lexicalContext, ["enum Outer {}"])
  }

  func testAttributeArgumentsAndModuleQualifier() {
    let text = "@Adjoint(of: add) @inlinable\nfunc addAdjoint() {}\n@Zygote.Differentiable func g() {}\n@Other.Differentiable func h() {}\n"
    let uses = MacroUseScanner.scan(text)
    XCTAssertEqual(uses.map(\.macroName), ["Adjoint", "Differentiable"])
    XCTAssertEqual(uses.first?.kind, .attached(attribute: "@Adjoint(of: add)", role: "peer", extendedType: nil))
    XCTAssertEqual(uses.last?.kind, .attached(attribute: "@Zygote.Differentiable", role: "peer", extendedType: nil))
  }

  func testDeclarationsWithoutBodyEndWithTheirLine() {
    let text = """
      protocol Model {
        @Differentiable
        func loss(_ x: Double)
          -> Double
        var y: Int { get }
      }
      struct S {
        @Differentiable var stored: Double =
          1 + 2
        func h() {}
      }
      """
    let uses = MacroUseScanner.scan(text)
    XCTAssertEqual(uses.map(\.source), ["@Differentiable\n  func loss(_ x: Double)\n    -> Double", "@Differentiable var stored: Double =\n    1 + 2"])
    XCTAssertEqual(uses.map(\.declarationName), ["loss", "stored"])
  }

  func testFreestandingUsesWithTrailingClosuresAndInInterpolations() {
    let text = """
      let a = #gradient(f, at: 1.0)
      let b = #gradient(ps) { loss(model) }
      print("value: \\(#derivative(f, at: 2.0)), \\("nested \\(#pullback(f, at: 3.0))")")
      let c = #differentiable(sin)
      let d = #line
      """
    let uses = MacroUseScanner.scan(text)
    XCTAssertEqual(
      uses.map(\.source),
      ["#gradient(f, at: 1.0)", "#gradient(ps) { loss(model) }", "#derivative(f, at: 2.0)", "#pullback(f, at: 3.0)", "#differentiable(sin)"])
    XCTAssertEqual(uses.map(\.macroName), ["gradient", "gradient", "derivative", "pullback", "differentiable"])
    let bytes = Array(text.utf8)
    for use in uses {
      XCTAssertEqual(String(decoding: bytes[use.range.start..<use.range.end], as: UTF8.self), use.source)
    }
  }

  func testCommentsStringsAndMembersAreNotUses() {
    let text = """
      // @Differentiable func f(_ x: Double) -> Double { x }
      /* #gradient(f, at: 1.0) */
      let s = "@Differentiable #gradient(f, at: 1.0)"
      let r = #"\\(#gradient(f, at: 1.0))"#
      class C: B { override init() { super.init() } }
      """
    XCTAssertEqual(MacroUseScanner.scan(text), [])
  }

  func testUnfinishedCodeStillGivesAUse() {
    let uses = MacroUseScanner.scan("@Differentiable func f(_ x: Double) -> Double { x + (")
    XCTAssertEqual(uses.map(\.source), ["@Differentiable func f(_ x: Double) -> Double { x + ("])
    XCTAssertEqual(MacroUseScanner.scan("#gradient(f, at: ").map(\.source), ["#gradient(f, at:"])
    XCTAssertEqual(MacroUseScanner.scan("@Differentiable").count, 0)
  }

  func testSelectingAFunctionKeepsItsUsesAndTheUsesInside() {
    let text = "@Differentiable func f(_ x: Double) -> Double { x }\nfunc g() { _ = #gradient(f, at: 1.0) }\n"
    let uses = MacroUseScanner.scan(text)
    XCTAssertEqual(uses.filter { $0.belongs(to: "f") }.map(\.source), ["@Differentiable func f(_ x: Double) -> Double { x }"])
    XCTAssertEqual(uses.filter { $0.belongs(to: "g") }.map(\.source), ["#gradient(f, at: 1.0)"])
  }
}
