import Foundation
import XCTest

/// Builds `Examples/plugin-example` with `swift build`, as a user would from a clean checkout (its
/// own scratch path, `.build/plugin-example`, so that it never competes with this package's
/// build), then runs it and checks the gradients it prints against central finite differences of
/// the values it prints.
///
/// Only `loss` and `smoothStep` are annotated there; `predict`, `activation`, `Penalty.of`,
/// `blend`, `square`, `horner` and `power` get their pullbacks from the build plugin. A wrong or missing pullback
/// either fails the build or fails these checks.
final class ExamplePackageTests: XCTestCase {
  static let exampleDirectory = Subprocess.packageRoot.appendingPathComponent("Examples/plugin-example")
  static let scratchPath = Subprocess.packageRoot.appendingPathComponent(".build/plugin-example")

  /// Central differences with this step...
  static let step = 1e-6
  /// ...agree with the gradient to this relative tolerance (the error of a central difference is
  /// O(h²) ≈ 1e-12 in the functions' scale, plus rounding ≈ 1e-16 / h ≈ 1e-10).
  static let tolerance = 1e-7

  func testExampleBuildsWithThePluginAndItsGradientsMatchFiniteDifferences() throws {
    Subprocess.forgetBuildPlans(in: Self.scratchPath)
    let build = try Subprocess.run(
      ["swift", "build", "--package-path", Self.exampleDirectory.path, "--scratch-path", Self.scratchPath.path])
    XCTAssertEqual(build.status, 0, "swift build of Examples/plugin-example failed:\n\(build.output)")
    guard build.status == 0 else { return }
    XCTAssertFalse(build.output.contains("warning:"), "the example builds with warnings:\n\(build.output)")

    // The generated file is where the README says, and holds the unannotated helpers' rules.
    let generated = Self.scratchPath.appendingPathComponent(
      "plugins/outputs/plugin-example/PluginExample/destination/ZygotePlugin/ZygoteGenerated.swift")
    let text = try String(contentsOf: generated, encoding: .utf8)
    for rule in ["func _vjp(predict w:", "func _vjp(activation z:", "static func _vjpm(of w:", "func _vjp(blend t:"] {
      XCTAssertTrue(text.contains(rule), "the generated file lacks '\(rule)'")
    }
    let executableGenerated = Self.scratchPath.appendingPathComponent(
      "plugins/outputs/plugin-example/plugin-example/destination/ZygotePlugin/ZygoteGenerated.swift")
    let executableText = try String(contentsOf: executableGenerated, encoding: .utf8)
    for rule in ["func _vjp(square x:", "func _vjp(horner x:", "func _vjp(power x:"] {
      XCTAssertTrue(executableText.contains(rule), "the executable's generated file lacks '\(rule)'")
    }
    XCTAssertFalse(text.contains("func _vjp(loss"), "the plugin must not generate what the macro generates")
    XCTAssertFalse(text.contains("func _vjp(target"), "target reads no differentiated value: no rule is needed")

    try assertIncrementalBuilds()

    let executable = Self.scratchPath.appendingPathComponent("debug/plugin-example").path
    // Points on both sides of activation's kink at z = 0 (z = w x + b for x in 0, 0.5, 1, 1.5).
    for (w, b) in [(0.7, 0.1), (-0.4, 0.3), (1.3, -0.9), (0.05, -0.2)] {
      let (value, gradient) = try Self.lossAndGradient(executable, w, b)
      let h = Self.step
      let dw = (try Self.lossAndGradient(executable, w + h, b).value - Self.lossAndGradient(executable, w - h, b).value) / (2 * h)
      let db = (try Self.lossAndGradient(executable, w, b + h).value - Self.lossAndGradient(executable, w, b - h).value) / (2 * h)
      XCTAssert(value.isFinite)
      assertClose(gradient.0, dw, "d loss / dw at (\(w), \(b))")
      assertClose(gradient.1, db, "d loss / db at (\(w), \(b))")
    }
    for x in [-1.2, 0.0, 0.3, 2.0] {
      let (_, gradient) = try Self.stepAndGradient(executable, x)
      let h = Self.step
      let dx = (try Self.stepAndGradient(executable, x + h).value - Self.stepAndGradient(executable, x - h).value) / (2 * h)
      assertClose(gradient, dx, "d step / dx at \(x)")
    }
    // A closed form at 0: smoothStep'(0) = 0 (tanh(0) = 0 and blend'(0) = 0), (x²/2)' = 0.
    XCTAssertEqual(try Self.stepAndGradient(executable, 0).gradient, 0, accuracy: 1e-15)
    // horner(x) + x³ = 0.5 - x + 2x² + 1.25x³, so the derivative is -1 + 4x + 3.75x² (closed form),
    // through a loop and a recursion that nobody annotated.
    for x in [-1.5, 0.0, 0.4, 2.0] {
      let (value, gradient) = try Self.numbers(executable, ["--poly", "\(x)"], tag: "poly")
      XCTAssertEqual(value, 0.5 - x + 2 * x * x + 1.25 * x * x * x, accuracy: 1e-12, "poly(\(x))")
      XCTAssertEqual(gradient, -1 + 4 * x + 3.75 * x * x, accuracy: 1e-12, "poly'(\(x))")
    }
    // A Params closure inside a function calls the unannotated `cube`: found in the generated table.
    for x in [-1.5, 0.25, 2.0] {
      let (value, gradient) = try Self.numbers(executable, ["--params", "\(x)"], tag: "params")
      XCTAssertEqual(value, x * x * x, accuracy: 1e-12, "params(\(x))")
      XCTAssertEqual(gradient, 3 * x * x, accuracy: 1e-12, "params'(\(x))")
    }
  }

  /// The plugin reruns only when its target's sources change: not at all in a build with nothing
  /// to do, and for the library target only after one of its files changed.
  private func assertIncrementalBuilds() throws {
    let command = ["swift", "build", "--package-path", Self.exampleDirectory.path, "--scratch-path", Self.scratchPath.path]
    // SwiftPM 6.3 runs build commands once more in the build after it planned (a fresh scratch
    // path, or after `forgetBuildPlans`): the plugin's tool was built during the first build, which
    // changes the plan. From then on it is steady.
    let settle = try Subprocess.run(command)
    XCTAssertEqual(settle.status, 0, settle.output)
    let noChange = try Subprocess.run(command)
    XCTAssertEqual(noChange.status, 0, noChange.output)
    XCTAssertFalse(noChange.output.contains("Generating Zygote pullbacks"), "the plugin ran with nothing changed:\n\(noChange.output)")

    let model = Self.exampleDirectory.appendingPathComponent("Sources/PluginExample/Model.swift")
    try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: model.path)
    let changed = try Subprocess.run(command)
    XCTAssertEqual(changed.status, 0, changed.output)
    XCTAssertTrue(changed.output.contains("Generating Zygote pullbacks for PluginExample"), "the plugin did not rerun after an edit:\n\(changed.output)")
    XCTAssertFalse(changed.output.contains("Generating Zygote pullbacks for plugin-example"), "the other target's plugin reran:\n\(changed.output)")
  }

  private func assertClose(_ actual: Double, _ expected: Double, _ what: String, line: UInt = #line) {
    let scale = max(1, abs(expected))
    XCTAssert(abs(actual - expected) <= Self.tolerance * scale, "\(what): gradient \(actual), finite difference \(expected)", line: line)
  }

  /// Runs `plugin-example W B`, which prints `loss <value> <dw> <db>`.
  static func lossAndGradient(_ executable: String, _ w: Double, _ b: Double) throws -> (value: Double, gradient: (Double, Double)) {
    let numbers = try printedNumbers(executable, ["\(w)", "\(b)"], tag: "loss", count: 3)
    return (numbers[0], (numbers[1], numbers[2]))
  }

  /// Runs `plugin-example --step X`, which prints `step <value> <dx>`.
  static func stepAndGradient(_ executable: String, _ x: Double) throws -> (value: Double, gradient: Double) {
    try numbers(executable, ["--step", "\(x)"], tag: "step")
  }

  /// A value and a derivative printed as `tag <value> <derivative>`.
  static func numbers(_ executable: String, _ arguments: [String], tag: String) throws -> (value: Double, gradient: Double) {
    let numbers = try printedNumbers(executable, arguments, tag: tag, count: 2)
    return (numbers[0], numbers[1])
  }

  static func printedNumbers(_ executable: String, _ arguments: [String], tag: String, count: Int) throws -> [Double] {
    let run = try Subprocess.run([executable] + arguments)
    let words = run.output.split(whereSeparator: { $0 == " " || $0 == "\n" })
    guard run.status == 0, words.count == count + 1, words[0] == tag else {
      throw UnexpectedOutput(command: ([executable] + arguments).joined(separator: " "), output: run.output)
    }
    return try words.dropFirst().map { word in
      guard let number = Double(word) else { throw UnexpectedOutput(command: executable, output: run.output) }
      return number
    }
  }

  struct UnexpectedOutput: Error, CustomStringConvertible {
    var command: String
    var output: String
    var description: String { "unexpected output of \(command):\n\(output)" }
  }
}
