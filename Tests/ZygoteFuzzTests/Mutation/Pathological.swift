import ZygoteTestSupport
/// Whole inputs built to hurt a recursive-descent parser and a transform: nesting thousands deep,
/// long chains, huge bodies and literals, unbalanced delimiters.
enum Pathological {
  /// The most statements (or parameters) in one generated body. (Expansion time once grew
  /// quadratically with it: `FuzzFindingsTests.testQuadraticCaptureListOnALongBody`.)
  static let maximumStatements = 1_000

  /// A `@Differentiable` function whose body is pathological.
  static func declaration(using generator: inout SplitMix64) -> String {
    let depth = generator.chance(50) ? 5_000 : 50 + generator.below(3_000)
    let body: String
    switch generator.below(18) {
    case 0: body = "return " + repeated("(", depth) + "x" + repeated(")", depth)
    case 1: body = repeated("do { ", depth) + "s += x" + repeated(" }", depth)
    case 2: body = repeated("if x > 0 { ", depth) + "s = s * x" + repeated(" }", depth)
    case 3: body = "return " + repeated("x + ", depth) + "x"
    case 4: body = "return x" + repeated(".squareRoot()", depth)
    case 5: body = repeated("s += x * 2\n", 1 + generator.below(maximumStatements)) + "return s"
    case 6: body = "return " + repeated("{ x in ", depth) + "x" + repeated(" }(x)", depth)
    case 7: body = "let t = " + repeated("\"\\(", min(depth, 300)) + "x" + repeated(")\"", min(depth, 300))
    case 8: body = "let a: " + repeated("Array<", depth) + "Double" + repeated(">", depth) + " = []"
    case 9: body = "return " + repeated("[", depth) + "x" + repeated("]", depth)
    case 10: body = "return " + repeated("-", depth) + "x"
    case 11: body = repeated("/*", depth) + " x " + repeated("*/", depth / 2)
    case 12: body = "return " + repeated("(", depth) + "x"
    case 13: body = "return " + repeated("x > 0 ? ", depth) + "x" + repeated(" : x", depth)
    case 14: body = repeated("if x > 0 { s = x } else ", depth) + "{ s = 0 }\nreturn s"
    case 15: body = repeated("func a() { ", depth) + repeated(" }", depth)
    case 16: body = repeated("for i in 0..<2 { ", depth) + "s += x" + repeated(" }", depth)
    default: body = "return " + repeated("f(", depth) + "x" + repeated(")", depth)
    }
    if generator.chance(5) {
      // Many parameters instead.
      let parameters = (0..<(1 + generator.below(maximumStatements))).map { "_ p\($0): Double" }.joined(separator: ", ")
      return "@Differentiable\nfunc many(\(parameters)) -> Double { \(body) }"
    }
    return "@Differentiable\nfunc f(_ x: Double) -> Double {\n  var s = x\n  \(body)\n}"
  }

  /// A freestanding `#gradient` expression that is pathological.
  static func expression(using generator: inout SplitMix64) -> String {
    let depth = generator.chance(50) ? 5_000 : 50 + generator.below(3_000)
    switch generator.below(8) {
    case 0: return repeated("#gradient(", depth)
    case 1: return "#gradient(f, at: " + repeated("(", depth) + "1.0" + repeated(")", depth) + ")"
    case 2: return "#gradient({ x in " + repeated("(", depth) + "x" + repeated(")", depth) + " }, at: 1.0)"
    case 3: return "#gradient({ x in " + repeated("x * ", depth) + "x }, at: 1.0)"
    case 4: return "#gradient({ x in " + repeated("{ ", depth) + "x" + repeated(" }()", depth) + " }, at: 1.0)"
    case 5: return "#gradient(f, at: " + repeated("9", depth * 10) + ")"
    case 6: return "#gradient(" + repeated("f, ", depth) + "at: 1.0)"
    default: return "#gradient({ x in " + repeated("if x > 0 { ", depth) + "x" + repeated(" }", depth) + " }, at: 1.0)"
    }
  }

  /// Random bytes: no structure at all.
  static func garbage(using generator: inout SplitMix64) -> [UInt8] {
    (0..<generator.below(400)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
  }

  /// A soup of Swift words and symbols without grammar.
  static func tokenSoup(using generator: inout SplitMix64) -> String {
    (0..<generator.below(120)).map { _ in generator.pick(Mutator.vocabulary) }.joined(separator: generator.chance(50) ? " " : "")
  }

  private static func repeated(_ text: String, _ count: Int) -> String {
    String(repeating: text, count: count)
  }
}
