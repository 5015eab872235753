import ZygoteTestSupport
/// Random differentiable functions from a small Swift grammar: loops, branches, switches,
/// closures, nested functions, arrays and strings, nested to random depths.
///
/// Mutated sources mostly stop at the parser; these parse and mostly type-check in the user's
/// head, so they reach the differentiator's less travelled paths (and its refusals: `return` in a
/// loop, iterating over a differentiated array, `throw`).
struct ProgramGenerator {
  /// The source of randomness.
  var generator: SplitMix64
  /// The `Double` names in scope, innermost block last; the `Bool` says whether it is a `var`.
  private var scopes: [[(name: String, isVariable: Bool)]] = []
  /// How many loops enclose the current statement.
  private var loopDepth = 0
  /// A counter for fresh names.
  private var counter = 0
  /// The deepest statement nesting generated.
  let maximumDepth: Int

  /// Creates a generator.
  init(generator: SplitMix64, maximumDepth: Int = 3) {
    self.generator = generator
    self.maximumDepth = maximumDepth
  }

  /// A whole `@Differentiable` function.
  mutating func function() -> String {
    scopes = [[("x", false), ("y", false)]]
    loopDepth = 0
    var body = ""
    for _ in 0..<(1 + generator.below(5)) { body += statement(depth: 1) }
    body += "  return \(expression(depth: 0))\n"
    let generics = generator.chance(10)
    let scalar = generics ? "T" : "Double"
    let signature =
      generics
      ? "func f<T: BinaryFloatingPoint>(_ x: T, _ y: T, _ n: Int, _ xs: [T]) -> T"
      : "func f(_ x: Double, _ y: Double, _ n: Int, _ xs: [Double]) -> Double"
    let text = "@Differentiable\n\(signature) {\n\(body)}"
    return generics ? text.replacingDouble(with: scalar) : text
  }

  /// A freestanding `#gradient` of a generated closure.
  mutating func gradientExpression() -> String {
    scopes = [[("x", false), ("y", false)]]
    loopDepth = 0
    var body = ""
    for _ in 0..<generator.below(4) { body += statement(depth: 1) }
    body += "  return \(expression(depth: 0))\n"
    let macro = generator.pick(["gradient", "valueWithGradient", "pullback"])
    return "#\(macro)({ (x: Double, y: Double) -> Double in\n\(body)}, at: \(literal()), \(literal()))"
  }

  // MARK: Statements

  private mutating func statement(depth: Int) -> String {
    let indent = String(repeating: "  ", count: depth)
    let nested = depth < maximumDepth
    switch generator.below(nested ? 20 : 8) {
    case 0, 1:
      let name = fresh("v")
      let line = "\(indent)let \(name) = \(expression(depth: 0))\n"
      declare(name, isVariable: false)
      return line
    case 2, 3:
      let name = fresh("s")
      let line = "\(indent)var \(name)\(generator.chance(30) ? ": Double" : "") = \(expression(depth: 0))\n"
      declare(name, isVariable: true)
      return line
    case 4, 5:
      guard let target = mutableName() else { return "\(indent)_ = \(expression(depth: 0))\n" }
      let op = generator.pick(["=", "+=", "-=", "*=", "/="])
      return "\(indent)\(target) \(op) \(expression(depth: 0))\n"
    case 6:
      return "\(indent)print(\"value \\(\(expression(depth: 1))) at step \\(n)\")\n"
    case 7:
      if loopDepth > 0 && generator.chance(50) { return "\(indent)\(generator.pick(["break", "continue"]))\n" }
      return "\(indent)_ = \(expression(depth: 0))\n"
    case 8, 9:
      var text = "\(indent)if \(condition()) {\n\(block(depth: depth + 1))\(indent)}"
      if generator.chance(30) { text += " else if \(condition()) {\n\(block(depth: depth + 1))\(indent)}" }
      if generator.chance(60) { text += " else {\n\(block(depth: depth + 1))\(indent)}" }
      return text + "\n"
    case 10, 11:
      let counter = fresh("i")
      let sequence = generator.pick(["0..<\(1 + generator.below(5))", "0..<n", "stride(from: 0, to: 6, by: 2)", "xs.indices", "0...2"])
      loopDepth += 1
      defer { loopDepth -= 1 }
      let label = generator.chance(15) ? "outer: " : ""
      let whereClause = generator.chance(15) ? " where \(counter) % 2 == 0" : ""
      return "\(indent)\(label)for \(counter) in \(sequence)\(whereClause) {\n\(block(depth: depth + 1))\(indent)}\n"
    case 12:
      let counter = fresh("k")
      loopDepth += 1
      defer { loopDepth -= 1 }
      let body = block(depth: depth + 1) + "\(indent)  \(counter) += 1\n"
      return generator.chance(50)
        ? "\(indent)var \(counter) = 0\n\(indent)while \(counter) < \(1 + generator.below(4)) {\n\(body)\(indent)}\n"
        : "\(indent)var \(counter) = 0\n\(indent)repeat {\n\(body)\(indent)} while \(counter) < 3\n"
    case 13:
      return "\(indent)guard \(condition()) else { return \(expression(depth: 1)) }\n"
    case 14:
      var text = "\(indent)switch n {\n"
      for value in 0..<(1 + generator.below(3)) {
        text += "\(indent)case \(value)\(generator.chance(20) ? ", \(value + 10)" : ""):\n\(block(depth: depth + 1))"
      }
      return text + "\(indent)default:\n\(block(depth: depth + 1))\(indent)}\n"
    case 15:
      let name = fresh("h")
      // Its body reads only its parameter: reading the enclosing function's differentiated
      // variables is refused, and the refusal is covered by the rare constructs below.
      let line = "\(indent)func \(name)(_ z: Double) -> Double { z * \(literal()) + sin(z) }\n"
      declare(name, isVariable: false)
      return line
    case 16, 17:
      // Constructs the transform refuses or passes through, now and then.
      guard generator.chance(25) else { return "\(indent)_ = \(expression(depth: 0))\n" }
      if generator.chance(20) { return "\(indent)do {\n\(block(depth: depth + 1))\(indent)}\n" }
      return indent
        + generator.pick([
          "for v in xs { _ = v }\n", "return x\n", "defer { _ = x }\n", "if n > 100 { throw Failure() }\n",
          "let t = (x, y)\n", "var copy = xs\n", "let c = { (z: Double) in z * x }\n", "_ = xs.map { $0 * y }\n",
          "precondition(n >= 0, \"n must not be negative, got \\(n)\")\n", "let message = #\"raw \\(x)\"#\n",
        ])
    default:
      return "\(indent)_ = \(expression(depth: 0))\n"
    }
  }

  private mutating func block(depth: Int) -> String {
    scopes.append([])
    defer { scopes.removeLast() }
    var text = ""
    for _ in 0..<(1 + generator.below(3)) { text += statement(depth: depth) }
    return text
  }

  // MARK: Expressions

  private mutating func expression(depth: Int) -> String {
    guard depth < 4 else { return leaf() }
    switch generator.below(22) {
    case 0, 1, 2: return leaf()
    case 3, 4, 5, 6:
      return "\(expression(depth: depth + 1)) \(generator.pick(["+", "-", "*", "/"])) \(expression(depth: depth + 1))"
    case 7: return "-\(leaf())"
    case 8, 9:
      return "\(generator.pick(["sin", "cos", "exp", "log", "sqrt", "tanh", "abs", "atan", "log1p", "expm1"]))(\(expression(depth: depth + 1)))"
    case 10:
      return "\(generator.pick(["pow", "min", "max", "atan2", "hypot"]))(\(expression(depth: depth + 1)), \(expression(depth: depth + 1)))"
    case 11: return "(\(expression(depth: depth + 1)))"
    case 12: return "(\(condition()) ? \(expression(depth: depth + 1)) : \(expression(depth: depth + 1)))"
    case 13: return "Double(\(generator.pick(["n", "n + 1", "xs.count", "\(generator.below(9))"])))"
    case 14: return "xs[\(generator.pick(["0", "n % max(xs.count, 1)", "xs.count - 1"]))]"
    case 15: return "\(leaf()).squareRoot()"
    case 16: return "dropgrad(\(expression(depth: depth + 1)))"
    case 17:
      // Refused (a closure called in place, a tuple element): now and then.
      guard generator.chance(15) else { return leaf() }
      return generator.chance(50)
        ? "{ (z: Double) in z * \(leaf()) }(\(expression(depth: depth + 1)))"
        : "(\(expression(depth: depth + 1)), \(expression(depth: depth + 1))).\(generator.below(2))"
    case 18:
      if let function = callableName() { return "\(function)(\(expression(depth: depth + 1)))" }
      return "f(\(leaf()), y, n - 1, xs)"
    case 19: return "\(generator.pick(["Double.maximum", "Double.minimum"]))(\(expression(depth: depth + 1)), \(leaf()))"
    case 20: return "Double(Float(\(expression(depth: depth + 1))))"
    default: return "\(expression(depth: depth + 1)) \(generator.pick(["+", "*"])) Double.pi"
    }
  }

  private mutating func leaf() -> String {
    let names = scopes.flatMap { $0 }.filter { !$0.name.hasPrefix("h") }.map(\.name)
    if !names.isEmpty && generator.chance(70) { return generator.pick(names) }
    return literal()
  }

  /// A `Double` variable in scope (`x` at least).
  private mutating func variable() -> String {
    let names = scopes.flatMap { $0 }.filter { !$0.name.hasPrefix("h") }.map(\.name)
    return names.isEmpty ? "x" : generator.pick(names)
  }

  private mutating func literal() -> String {
    generator.pick(["1.0", "2.0", "0.5", "3.25", "1e-3", "0x1p-2", "10.0", "1_000.5"])
  }

  private mutating func condition() -> String {
    switch generator.below(6) {
    case 0: return "\(expression(depth: 2)) \(generator.pick(["<", ">", "<=", ">=", "=="])) \(expression(depth: 2))"
    case 1: return "n % 2 == 0"
    case 2: return "\(variable()) > 0 && n > \(generator.below(3))"
    case 3: return "!(\(variable()) < 1)"
    case 4: return "xs.isEmpty || \(variable()).isFinite"
    default: return generator.pick(["true", "n > 0"])
    }
  }

  // MARK: Names

  private mutating func fresh(_ prefix: String) -> String {
    counter += 1
    return "\(prefix)\(counter)"
  }

  /// Adds `name` to the innermost scope (names starting with `h` are nested functions).
  private mutating func declare(_ name: String, isVariable: Bool) {
    if scopes.isEmpty { scopes.append([]) }
    scopes[scopes.count - 1].append((name, isVariable))
  }

  private mutating func mutableName() -> String? {
    let names = scopes.flatMap { $0 }.filter(\.isVariable).map(\.name)
    return names.isEmpty ? nil : generator.pick(names)
  }

  private mutating func callableName() -> String? {
    let names = scopes.flatMap { $0 }.map(\.name).filter { $0.hasPrefix("h") }
    return names.isEmpty ? nil : generator.pick(names)
  }
}

extension String {
  /// The text with the word `Double` replaced by `replacement` (for generic variants).
  fileprivate func replacingDouble(with replacement: String) -> String {
    var result = ""
    var rest = self[...]
    while let range = rest.firstRange(of: "Double") {
      result += rest[..<range.lowerBound] + replacement
      rest = rest[range.upperBound...]
    }
    return result + rest
  }
}
