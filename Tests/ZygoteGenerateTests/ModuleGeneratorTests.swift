import XCTest
import ZygoteTransform

/// What `ModuleGenerator` decides, stated as facts rather than as a whole golden file: which
/// functions are reached, which are skipped, and which errors are reported where.
final class ModuleGeneratorTests: XCTestCase {
  private func generate(_ caseName: String, pointsIntoSources: Bool = true) throws -> GeneratedModule {
    ModuleGenerator.generate(files: try GoldenGenerationTests.inputs(of: caseName), pointsIntoSources: pointsIntoSources)
  }

  func testReachabilityIsTransitiveAndStopsAtUnreachedFunctions() throws {
    let module = try generate("transitive")
    XCTAssertEqual(
      module.generatedFunctions,
      ["helper (transitive/Helpers.swift:5)", "helper2 (transitive/Helpers.swift:13)", "square (transitive/Helpers.swift:17)",
       "power (transitive/Helpers.swift:20)"])
    XCTAssertFalse(module.source.contains("unused"))
    XCTAssertEqual(module.errors, [])
  }

  func testAnnotatedAdjointAndExistingRulesAreNotGeneratedAgain() throws {
    let module = try generate("skips")
    XCTAssertEqual(module.generatedFunctions, ["overloaded (skips/Skips.swift:31)", "plain (skips/Skips.swift:33)"])
    XCTAssertTrue(module.source.contains("func _vjp(overloaded x: Float)"))
    XCTAssertFalse(module.source.contains("func _vjp(overloaded x: Double)"))
  }

  func testGradientClosuresAndNamedFunctionsAreRootsAndDropgradIsNot() throws {
    let module = try generate("gradient-closures")
    XCTAssertEqual(module.generatedFunctions, ["cube (gradient-closures/Main.swift:3)", "shifted (gradient-closures/Main.swift:5)"])
    XCTAssertFalse(module.source.contains("untouched"))
  }

  func testMethodsAreGeneratedInExtensionsOfTheirQualifiedType() throws {
    let module = try generate("methods")
    XCTAssertEqual(
      module.generatedFunctions,
      ["Scaler.apply (methods/Methods.swift:6)", "Scaler.twice (methods/Methods.swift:8)",
       "Scaler.applyTwice (methods/Methods.swift:11)", "Physics.Spring.energy (methods/Methods.swift:21)",
       "Array.scaledCount (methods/Methods.swift:26)"])
    XCTAssertTrue(module.source.contains("extension Array where Element == Double {\n"))
    XCTAssertTrue(module.source.contains("extension Physics.Spring {\n"))
    XCTAssertTrue(module.source.contains("  @inline(__always) static func _vjpm(twice x: Double)"))
  }

  func testRefusalsAreErrorsAtTheFunctionsLineAndLibraryNamesAreOnlyNotes() throws {
    let module = try generate("errors")
    XCTAssertEqual(module.errors.count, 2, "\(module.errors)")
    XCTAssertTrue(module.errors[0].hasPrefix("errors/Errors.swift:9:1: error: ZygotePlugin cannot differentiate 'hidden'"), module.errors[0])
    XCTAssertTrue(module.errors[1].hasPrefix("errors/Errors.swift:12:"), module.errors[1])
    XCTAssertTrue(module.errors[1].contains("'throws'"), module.errors[1])
    XCTAssertTrue(module.source.contains("#sourceLocation(file: \"errors/Errors.swift\", line: 9)\n#error("))
    // `log(x)` may mean Foundation's log and `v.sum()` another type's sum: notes, not errors.
    XCTAssertTrue(module.source.contains("// MARK: - skipped: log (errors/Errors.swift:16)"))
    XCTAssertTrue(module.source.contains("// MARK: - skipped: Vector.sum (errors/Errors.swift:21)"))
    XCTAssertEqual(module.generatedFunctions, ["Vector.norm (errors/Errors.swift:23)"])
  }

  /// A call whose name means a method, a nested function, or a closure captured by a `#gradient`
  /// closure where it is written would take the free function's derivative: each is an error, and
  /// the free functions are not generated for them. A closure parameter of the differentiated
  /// function itself is not shadowing: its calls are calls of the passed closure's rule.
  func testShadowedCalleesAreErrorsNotWrongRules() throws {
    let module = try generate("shadowing")
    XCTAssertEqual(module.generatedFunctions, ["viaVariable (shadowing/Shadowing.swift:26)"])
    XCTAssertEqual(module.errors.count, 4, "\(module.errors)")
    let expected = [
      ("shadowing/Shadowing.swift:13:", "in 'predict', 'scale(...)' calls a method of 'Model'", "call the method as 'self.scale(...)'"),
      ("shadowing/Shadowing.swift:18:", "in 'outer', 'offset(...)' calls a local name in 'outer'", "rename one of them"),
      ("shadowing/Shadowing.swift:37:", "in 'run', 'offset(...)' calls a parameter of 'run'", "rename one of them"),
      ("shadowing/Shadowing.swift:48:", "in 'grow', 'scale(...)' calls a method of 'Sized'", "call the method as 'self.scale(...)'"),
    ]
    for ((place, what, fix), error) in zip(expected, module.errors) {
      XCTAssertTrue(error.hasPrefix(place) && error.contains(what) && error.contains(fix), error)
    }
  }

  func testCommittedOutputNamesNoSourceLocation() throws {
    let module = try generate("errors", pointsIntoSources: false)
    XCTAssertFalse(module.source.contains("#sourceLocation"))
    XCTAssertTrue(module.source.contains("#error(\"errors/Errors.swift:9: ZygotePlugin cannot differentiate 'hidden'"))
    let missing = try generate("missing-rule", pointsIntoSources: false)
    XCTAssertFalse(missing.source.contains("#sourceLocation"))
    XCTAssertTrue(missing.source.contains("_vjp(cbrt: x)"))
  }

  func testOutputIsDeterministicAndEmptyTargetsGetAValidFile() throws {
    let inputs = try GoldenGenerationTests.inputs(of: "transitive")
    XCTAssertEqual(ModuleGenerator.generate(files: inputs), ModuleGenerator.generate(files: inputs))
    let empty = ModuleGenerator.generate(files: [ModuleSourceFile(path: "A.swift", text: "func f() {}\n")])
    XCTAssertEqual(empty.generatedFunctions, [])
    XCTAssertTrue(empty.source.hasSuffix("// No function needs a generated pullback.\n"))
    XCTAssertFalse(empty.source.contains("import"))
  }
}

extension ModuleGeneratorTests {
  /// The generated code needs the modules the reached functions' files import, including imports
  /// under `#if canImport(...)`, which are copied as whole blocks.
  func testImportsOfContributingFilesAreCopied() {
    let text = """
      // A helper file.
      #if canImport(Glibc)
        import Glibc
      #elseif canImport(Darwin)
        import Darwin
      #endif
      @testable import Zygote // the runtime
      import struct Foundation.Date

      #if DEBUG
      let verbose = true
      #endif

      func helper(_ x: Double) -> Double { sin(x) }

      @Differentiable func f(_ x: Double) -> Double { helper(x) }
      """
    let module = ModuleGenerator.generate(files: [ModuleSourceFile(path: "A.swift", text: text)])
    XCTAssertTrue(
      module.source.contains(
        """

        import Zygote
        #if canImport(Glibc)
          import Glibc
        #elseif canImport(Darwin)
          import Darwin
        #endif
        @testable import Zygote
        import struct Foundation.Date

        // MARK: - helper (A.swift:14)
        """), module.source)
    XCTAssertFalse(module.source.contains("verbose"))
  }
}
