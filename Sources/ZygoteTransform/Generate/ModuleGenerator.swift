/// A Swift file of a target, as the build plugin hands it to the generator.
public struct ModuleSourceFile: Equatable, Sendable {
  /// The path printed in the generated file and in its `#sourceLocation` directives (absolute for
  /// the build plugin; relative to the package for the command plugin, so that a committed file
  /// does not depend on where the package was checked out).
  public var path: String
  /// The file's contents.
  public var text: String

  /// Creates a source file.
  public init(path: String, text: String) {
    self.path = path
    self.text = text
  }
}

/// The build plugin's output for a target: one Swift file of pullbacks.
public struct GeneratedModule: Equatable, Sendable {
  /// The generated file's contents (compiles with the target).
  public var source: String
  /// The functions that received a pullback, as `name (path:line)` or `Type.name (path:line)`,
  /// in the order of the file.
  public var generatedFunctions: [String]
  /// Errors in the compiler's format (`path:line:column: error: message`), in file order. Each is also written
  /// into `source` as an `#error` at the user's line, so that the compiler reports it there.
  public var errors: [String]
}

/// Whole-target differentiation: what the build plugin and `swift package zygote-generate` run.
///
/// A macro sees one declaration; the plugin sees the whole target. Starting from every
/// `@Differentiable` function and every `#gradient`-family expression, it expands them as the
/// compiler would, reads back which functions the generated code calls through rules
/// (`_vjp(helper: x)`), and generates the rule of each such function that has a body in the target
/// and no rule yet, exactly as `@Differentiable` would generate it on that function. Those rules
/// call further functions, which are handled the same way, until nothing new is reached.
///
/// Skipped, so that the macro and the plugin never declare the same rule: functions marked
/// `@Differentiable` (the macro generates their rule), names with an `@Adjoint(of:)`, and names
/// that already have a `_vjp`/`_vjpm` declaration in the target (a committed generated file, or a
/// hand-written rule). Nested functions are not visible from another file and are not reached.
///
/// ```swift
/// let files = [ModuleSourceFile(path: "Model.swift", text: """
///   import Zygote
///   func helper(_ x: Double) -> Double { x * x }
///   @Differentiable func f(_ x: Double) -> Double { helper(x) + 1 }
///   """)]
/// let module = ModuleGenerator.generate(files: files)
/// // module.source declares `func _vjp(helper x: Double) -> (value: Double, pullback: ...)`
/// ```
///
/// The output depends only on the files' paths and contents, in the order given (the tools sort
/// them by path).
public enum ModuleGenerator {
  /// The generated file for a target made of `files`.
  ///
  /// - Parameters:
  ///   - files: The target's Swift files.
  ///   - pointsIntoSources: Whether errors in generated code (a missing rule, a refused function)
  ///     are reported at the user's line through `#sourceLocation(file: path, line: n)`. That needs
  ///     the files' real paths, which the build plugin has. A committed file uses relative paths,
  ///     which would give a second file the same `#fileID` (a compiler warning), so its errors are
  ///     reported in the generated file itself, with the function's file and line in the message.
  public static func generate(files: [ModuleSourceFile], pointsIntoSources: Bool = true) -> GeneratedModule {
    var generator = Generation(files: files, pointsIntoSources: pointsIntoSources)
    generator.run()
    return generator.render()
  }
}
