// Compile errors of the higher-order entry points, through the real compiler and plugin: a
// function written for Double (not generic over its scalar) cannot run on Dual numbers, and
// the compiler must say so by name, with the fix, at the user's macro use.

import Foundation
import XCTest

final class HigherOrderDiagnosticsTests: XCTestCase {
  static let source = """
    import Zygote

    @Differentiable
    func concreteSquare(_ x: Double) -> Double { x * x }

    @Differentiable
    func concreteProduct(_ x: [Double]) -> Double { x[0] * x[1] }

    func use() {
      _ = #hessian(concreteSquare, at: 2.0)
      _ = #hessian(concreteProduct, at: [1.0, 2.0])
      _ = #hessianVectorProduct(concreteProduct, at: [1.0, 2.0], direction: [1.0, 0.0])
      _ = #pushforward(concreteSquare, at: 2.0)
      _ = #derivative({ x in #derivative(concreteSquare, at: x) }, at: 2.0)
      _ = #hessian(concreteTensorLoss, at: Tensor([1.0, 2.0]))
      _ = #hessianVectorProduct(concreteTensorLoss, at: Tensor([1.0, 2.0]), direction: Tensor([1.0, 0.0]))
      _ = #pushforward(concreteTensorLoss, at: Tensor([1.0, 2.0]))
    }

    @Differentiable
    func concreteTensorLoss(_ x: Tensor<Double>) -> Double { (x * x).sum() }

    """

  func testFunctionsNotGenericOverTheirScalarAreRefusedByName() throws {
    let root = CompilerDiagnosticsTests.packageRoot
    let build = root.appendingPathComponent(".build/debug")
    let plugin = build.appendingPathComponent("ZygoteMacros-tool").path
    let modules = build.appendingPathComponent("Modules").path
    guard FileManager.default.fileExists(atPath: plugin), FileManager.default.fileExists(atPath: modules) else {
      XCTFail("build the package first (swift build --build-tests): missing \(plugin) or \(modules)")
      return
    }
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("higher-order-diagnostics-\(getpid()).swift").path
    try Self.source.write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let output = try CompilerDiagnosticsTests.typecheck(path, plugin: plugin, modules: modules)

    let expectations: [(macro: String, line: Int, message: String)] = [
      ("hessian", 10, "'_hessian(at:_:)' is unavailable: #hessian needs a function generic over its scalar"),
      ("hessian", 11, "'_hessian(at:_:)' is unavailable: #hessian needs a function generic over its scalar"),
      ("hessianVectorProduct", 12, "is unavailable: #hessianVectorProduct needs a function generic over its scalar"),
      ("pushforward", 13, "'_pushforward(at:_:)' is unavailable: #pushforward needs a function generic over its scalar"),
      ("derivative", 14, "is unavailable: a #derivative or #gradient that holds a nested one evaluates its closure on Dual numbers"),
      ("hessian", 15, "'_hessian(at:_:)' is unavailable: #hessian of a tensor function needs it generic over its scalar, e.g. func f<S: TensorScalar>"),
      ("hessianVectorProduct", 16, "is unavailable: #hessianVectorProduct of a tensor function needs it generic over its scalar"),
      ("pushforward", 17, "'_pushforward(at:_:)' is unavailable: #pushforward of a tensor function needs it generic over its scalar"),
    ]
    let lines = output.components(separatedBy: "\n")
    for expectation in expectations {
      // The error is in the expansion; the compiler's note names the user's line.
      XCTAssert(lines.contains { $0.hasPrefix("macro expansion #\(expectation.macro):") && $0.contains(expectation.message) },
        "expected '\(expectation.message)'; compiler said:\n\(output)")
      XCTAssert(output.contains("\(path):\(expectation.line):"), "expected a note at line \(expectation.line); compiler said:\n\(output)")
    }
    // Nothing else: one error per use (each printed twice, as a line and in the source excerpt).
    let errors = lines.filter { $0.hasPrefix("macro expansion") && $0.contains(": error: ") }
    XCTAssertEqual(Set(errors).count, 7, "compiler said:\n\(output)")
  }
}
