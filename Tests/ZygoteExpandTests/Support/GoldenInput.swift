/// An input file of the golden tests: `Inputs/NAME.swift`, expected output
/// `Inputs/NAME.expanded.txt`, and the command-line arguments its first line may ask for
/// (`// arguments: --function train`).
struct GoldenInput {
  /// The directory holding the inputs and their expected outputs.
  static let directory = Files.packageRoot() + "/Tests/ZygoteExpandTests/Inputs"

  /// Every input, sorted by name.
  static func all() -> [GoldenInput] {
    Files.names(in: directory, endingWith: ".swift").map { GoldenInput(name: $0) }
  }

  /// `readme.swift`
  var name: String

  /// The input's path.
  var path: String { Self.directory + "/" + name }

  /// The expected output's path.
  var expectedPath: String { Self.directory + "/" + name.dropLast(".swift".count) + ".expanded.txt" }

  /// The input's text.
  func text() -> String? { Files.read(path) }

  /// The arguments after the file name, from a first line `// arguments: ...`.
  func arguments() -> [String] {
    guard let text = text(), let firstLine = text.split(separator: "\n").first,
      firstLine.hasPrefix("// arguments:")
    else { return [] }
    return firstLine.dropFirst("// arguments:".count).split(separator: " ").map(String.init)
  }

  /// The value of `--function` in `arguments()`, if any.
  func function() -> String? {
    let arguments = arguments()
    guard let index = arguments.firstIndex(of: "--function"), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
  }
}
