import ZygoteTransform
import ZygoteTestSupport

/// One generated input: a source text and the entry point it is fed to.
struct FuzzInput {
  /// The entry point.
  enum Target: Equatable {
    /// `MacroExpander.expandAttached`.
    case attached(macroName: String, role: String, attribute: String, extendedType: String?)
    /// `MacroExpander.expandFreestanding`.
    case freestanding(macroName: String)
    /// `SwiftParser.parseDeclaration`.
    case parseDeclaration
    /// `SwiftParser.parseExpression`.
    case parseExpression
    /// `SwiftParser.parseFile`.
    case parseFile
    /// `FileExpander.expand` (zygote-expand's logic).
    case expandFile
  }

  /// Where the input came from, for the report.
  var origin: String
  /// The entry point.
  var target: Target
  /// The source text.
  var source: String
  /// Whether the source is well formed, so that generated code must be too.
  var isWellFormed = false

  /// The freestanding macro names, and a few that do not exist.
  static let freestandingNames = ["gradient", "derivative", "valueWithGradient", "pullback", "differentiable", "line", ""]

  /// Generates input `index` of a run from its own generator.
  static func generate(using generator: inout SplitMix64) -> FuzzInput {
    let roll = generator.below(1000)
    let mutateSeed = !generator.chance(8)
    func mutated(_ text: String, donors: [String]) -> String {
      guard mutateSeed else { return text }
      return String(decoding: Mutator.mutate(Array(text.utf8), using: &generator, donors: donors), as: UTF8.self)
    }
    let donors = FunctionCorpus.functions + ExpressionCorpus.expressions
    switch roll {
    case 490..<560:
      var programs = ProgramGenerator(generator: SplitMix64(seed: generator.next()))
      let isFunction = generator.chance(75)
      let program = isFunction ? programs.function() : programs.gradientExpression()
      let mutate = generator.chance(20)
      let source = mutate ? mutated(program, donors: donors) : program
      let target: Target =
        isFunction
        ? .attached(macroName: "Differentiable", role: "peer", attribute: "@Differentiable", extendedType: nil)
        : .freestanding(macroName: macroName(of: program))
      return FuzzInput(origin: isFunction ? "generated function" : "generated closure", target: target, source: source, isWellFormed: !mutate)
    case 0..<490:
      let source = mutated(generator.pick(FunctionCorpus.functions), donors: donors)
      let target: Target
      switch generator.below(100) {
      case 0..<68: target = .attached(macroName: "Differentiable", role: "peer", attribute: "@Differentiable", extendedType: nil)
      case 68..<78: target = .attached(macroName: "Differentiable", role: "body", attribute: "@Differentiable", extendedType: nil)
      case 78..<88: target = .parseDeclaration
      case 88..<94: target = .parseFile
      default: target = .expandFile
      }
      return FuzzInput(origin: "function", target: target, source: source, isWellFormed: !mutateSeed)
    case 560..<820:
      let source = mutated(generator.pick(ExpressionCorpus.expressions), donors: donors)
      if generator.chance(15) { return FuzzInput(origin: "expression", target: .parseExpression, source: source) }
      let name = generator.chance(90) ? macroName(of: source) : generator.pick(freestandingNames)
      return FuzzInput(origin: "expression", target: .freestanding(macroName: name), source: source)
    case 820..<860:
      let (attribute, declaration) = generator.pick(FunctionCorpus.adjoints)
      let target = Target.attached(macroName: "Adjoint", role: "peer", attribute: attribute, extendedType: nil)
      return FuzzInput(origin: "adjoint", target: target, source: mutated(declaration, donors: donors))
    case 860..<900:
      let declaration = generator.pick(FunctionCorpus.structs)
      let role = generator.chance(50) ? "member" : "extension"
      let target = Target.attached(
        macroName: "DifferentiableStruct", role: role, attribute: "@DifferentiableStruct",
        extendedType: role == "extension" ? "Point" : nil)
      return FuzzInput(origin: "struct", target: target, source: mutated(declaration, donors: donors))
    case 900..<940:
      let bytes = Pathological.garbage(using: &generator)
      return FuzzInput(origin: "garbage", target: randomTarget(using: &generator), source: String(decoding: bytes, as: UTF8.self))
    case 940..<986:
      return FuzzInput(origin: "token soup", target: randomTarget(using: &generator), source: Pathological.tokenSoup(using: &generator))
    case 986..<993:
      let source = Pathological.declaration(using: &generator)
      let target: Target =
        generator.chance(80)
        ? .attached(macroName: "Differentiable", role: "peer", attribute: "@Differentiable", extendedType: nil)
        : generator.chance(50) ? .parseDeclaration : .expandFile
      return FuzzInput(origin: "pathological declaration", target: target, source: source)
    default:
      let source = Pathological.expression(using: &generator)
      let target: Target = generator.chance(80) ? .freestanding(macroName: "gradient") : .parseExpression
      return FuzzInput(origin: "pathological expression", target: target, source: source)
    }
  }

  /// A random entry point, for inputs that are not about one.
  static func randomTarget(using generator: inout SplitMix64) -> Target {
    switch generator.below(6) {
    case 0: .attached(macroName: "Differentiable", role: "peer", attribute: "@Differentiable", extendedType: nil)
    case 1: .freestanding(macroName: "gradient")
    case 2: .parseDeclaration
    case 3: .parseExpression
    case 4: .parseFile
    default: .expandFile
    }
  }

  /// `gradient` for `#gradient(...)`: the word after the first `#`.
  static func macroName(of source: String) -> String {
    guard let pound = source.firstIndex(of: "#") else { return "gradient" }
    return String(source[source.index(after: pound)...].prefix { $0.isLetter })
  }

  /// A short description: origin, target and the start of the source.
  var summary: String {
    let start = source.unicodeScalars.prefix(80).map { $0.escaped(asASCII: true) }.joined()
    return "\(origin) → \(target), \(source.utf8.count) bytes: \"\(start)\(source.unicodeScalars.count > 80 ? "…" : "")\""
  }
}
