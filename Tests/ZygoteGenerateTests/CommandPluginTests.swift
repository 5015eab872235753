import Foundation
import XCTest
import ZygoteTransform

/// `swift package zygote-generate` on a copy of the example whose manifest uses no plugin: it
/// writes `ZygotePullbacks.swift` into each target, the package then builds without plugins, and
/// its gradients are right.
final class CommandPluginTests: XCTestCase {
  func testCommandWritesTheGeneratedFileAndThePackageBuildsWithoutPlugins() throws {
    let root = Subprocess.packageRoot
    let copy = root.appendingPathComponent(".build/plugin-command-example")
    let example = ExamplePackageTests.exampleDirectory
    // A fresh copy of the sources; the build directory inside is kept between runs.
    try? FileManager.default.removeItem(at: copy.appendingPathComponent("Sources"))
    try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: example.appendingPathComponent("Sources"), to: copy.appendingPathComponent("Sources"))
    // The copy depends on this checkout by absolute path and uses no plugin.
    var manifest = try String(contentsOf: example.appendingPathComponent("Package.swift"), encoding: .utf8)
    manifest = manifest.replacingOccurrences(of: "path: \"../..\"", with: "path: \"\(root.path)\"")
    manifest = manifest.replacingOccurrences(of: ",\n      plugins: [.plugin(name: \"ZygotePlugin\", package: \"swift-zygote\")])", with: ")")
    XCTAssertFalse(manifest.contains("plugins:"), manifest)
    try manifest.write(to: copy.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)

    // Its own scratch path: two packages taking turns in one scratch path confuse SwiftPM's
    // record of what changed (seen: an edited file not rebuilt), which the example test checks.
    let scratchPath = copy.appendingPathComponent(".build")
    let scratch = ["--package-path", copy.path, "--scratch-path", scratchPath.path]
    Subprocess.forgetBuildPlans(in: scratchPath)
    let command = try Subprocess.run(["swift", "package"] + scratch + ["--allow-writing-to-package-directory", "zygote-generate"])
    XCTAssertEqual(command.status, 0, command.output)
    XCTAssertTrue(command.output.contains("zygote-generate: pullback of predict (Sources/PluginExample/Helpers.swift:8)"), command.output)

    // What the command wrote is the generator's output for the target with relative paths: the
    // committed file does not depend on where the package lives.
    for target in ["PluginExample", "plugin-example"] {
      let directory = copy.appendingPathComponent("Sources/\(target)")
      let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        .filter { $0.hasSuffix(".swift") && $0 != "ZygotePullbacks.swift" }.sorted()
      let files = try names.map { name in
        ModuleSourceFile(path: "Sources/\(target)/\(name)", text: try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8))
      }
      let written = try String(contentsOf: directory.appendingPathComponent("ZygotePullbacks.swift"), encoding: .utf8)
      XCTAssertEqual(written, ModuleGenerator.generate(files: files, pointsIntoSources: false).source, target)
      XCTAssertFalse(written.contains(root.path), "the committed file names the checkout's path")
    }

    // Running it again gives the same files (the previous output is not an input).
    let before = try String(contentsOf: copy.appendingPathComponent("Sources/PluginExample/ZygotePullbacks.swift"), encoding: .utf8)
    let again = try Subprocess.run(["swift", "package"] + scratch + ["--allow-writing-to-package-directory", "zygote-generate", "--target", "PluginExample"])
    XCTAssertEqual(again.status, 0, again.output)
    XCTAssertEqual(try String(contentsOf: copy.appendingPathComponent("Sources/PluginExample/ZygotePullbacks.swift"), encoding: .utf8), before)

    let build = try Subprocess.run(["swift", "build"] + scratch)
    XCTAssertEqual(build.status, 0, build.output)
    XCTAssertFalse(build.output.contains("warning:"), build.output)
    XCTAssertFalse(build.output.contains("Generating Zygote pullbacks"), "no plugin should run:\n\(build.output)")
    let executable = scratchPath.appendingPathComponent("debug/plugin-example").path
    for x in [-0.7, 1.1] {
      let (value, gradient) = try ExamplePackageTests.numbers(executable, ["--poly", "\(x)"], tag: "poly")
      XCTAssertEqual(value, 0.5 - x + 2 * x * x + 1.25 * x * x * x, accuracy: 1e-12)
      XCTAssertEqual(gradient, -1 + 4 * x + 3.75 * x * x, accuracy: 1e-12)
    }
    let (w, b, h) = (0.9, -0.4, 1e-6)
    let (_, gradient) = try ExamplePackageTests.lossAndGradient(executable, w, b)
    let dw = (try ExamplePackageTests.lossAndGradient(executable, w + h, b).value - ExamplePackageTests.lossAndGradient(executable, w - h, b).value) / (2 * h)
    let db = (try ExamplePackageTests.lossAndGradient(executable, w, b + h).value - ExamplePackageTests.lossAndGradient(executable, w, b - h).value) / (2 * h)
    XCTAssertEqual(gradient.0, dw, accuracy: ExamplePackageTests.tolerance)
    XCTAssertEqual(gradient.1, db, accuracy: ExamplePackageTests.tolerance)
  }
}
