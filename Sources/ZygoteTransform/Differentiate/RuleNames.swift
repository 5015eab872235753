/// The only hand-kept tables of the transform: how operators map to rule labels, and which
/// callees and members are known to have no derivative. The transform knows syntax, not math:
/// everything else is found by the type checker among the runtime's `_vjp` overloads.
enum RuleNames {
  /// The base name of rules for free functions and operators: `_vjp(sin: x)`.
  static let function = "_vjp"
  /// The base name of rules for methods: `x._vjpm(squareRoot: ())`.
  static let method = "_vjpm"
  /// The base name of rules for `mutating` methods, which return the new value of `self`:
  /// `p = p._vjpmut(scale: f)`. A name of its own, so that a call whose result is unused
  /// (`x.squareRoot()` alone) can never be taken for a mutation.
  static let mutatingMethod = "_vjpmut"
  /// The prefix of the rule a nested (local) function gets: `_vjp_inner(x)`. A local function
  /// named `_vjp` would hide every global `_vjp` overload inside the enclosing function.
  static let localFunctionPrefix = "_vjp_"
  /// The prefix of the parameter that holds the rule of a closure passed for the function-typed
  /// parameter `f` of a higher-order function: `_ad_rule_f`.
  static let closureRulePrefix = "_ad_rule_"

  /// Binary operators with a derivative, and the first label of their rule.
  static let binaryOperators: [String: String] = [
    "+": "__add", "-": "__subtract", "*": "__multiply", "/": "__divide",
  ]

  /// Prefix operators with a derivative, and the first label of their rule.
  static let prefixOperators: [String: String] = ["-": "__negate", "+": "__plus"]

  /// Compound assignments and the binary operator they apply.
  static let compoundAssignments: [String: String] = ["+=": "+", "-=": "-", "*=": "*", "/=": "/"]

  /// Operators whose result carries no derivative (comparisons, logic, ranges, bit operations):
  /// an expression built with them is inactive even when its operands are active.
  static let inactiveOperators: Set<String> = [
    "==", "!=", "<", "<=", ">", ">=", "===", "!==", "~=", "&&", "||", "...", "..<",
    "%", "&", "|", "^", "<<", ">>", "&+", "&-", "&*",
  ]

  /// Callees whose result never carries a derivative: integer and Boolean conversions, I/O, checks.
  static let inactiveCallees: Set<String> = [
    "Int", "Int8", "Int16", "Int32", "Int64", "UInt", "UInt8", "UInt16", "UInt32", "UInt64",
    "Bool", "String", "Character", "print", "debugPrint", "precondition", "preconditionFailure",
    "assert", "assertionFailure", "fatalError", "dropgrad", "type", "stride",
    "MemoryLayout", "ObjectIdentifier", "withExtendedLifetime", "_typedLike",
  ]

  /// Properties and methods of a differentiable value whose result carries no derivative.
  static let inactiveMembers: Set<String> = [
    "count", "isEmpty", "indices", "keys", "startIndex", "endIndex", "shape", "rank", "scalarCount",
    "isNaN", "isInfinite", "isFinite", "isZero", "sign", "description", "hashValue",
    "isLess", "isEqual", "isNormal", "isSubnormal", "exponent", "ulp", "bitPattern",
  ]

  /// Functions the runtime has rules for. A call of any other function gets, in the generated
  /// code, a fallback rule that turns a missing derivative into a readable compile error.
  static let libraryFunctions: Set<String> = [
    "sqrt", "exp", "exp2", "log", "log2", "log10", "log1p", "expm1", "pow", "sin", "cos", "tan",
    "asin", "acos", "atan", "atan2", "sinh", "cosh", "tanh", "abs", "fabs", "min", "max", "hypot",
    "matmul", "relu", "leakyRelu", "sigmoid", "softplus", "softmax", "logSoftmax", "crossEntropy",
    "meanSquaredError", "concatenate", "stack", "dropgrad", "Double", "Float", "Array",
  ]

  /// Pure functions whose derivative is finite for every finite argument: a call of one of them
  /// whose arguments a loop never changes is computed once, before the loop. (A zero gradient
  /// times a finite derivative stays zero, so a hoisted call on a path never taken adds nothing.)
  static let hoistableFunctions: Set<String> = ["sin", "cos", "atan", "tanh", "abs"]

  /// Swift keywords: a variable named like one (written in backticks) is refused, since the
  /// generated code would have to escape it everywhere.
  static let keywords: Set<String> = [
    "in", "inout", "var", "let", "func", "return", "if", "else", "for", "while", "is", "as", "init",
    "default", "case", "switch", "repeat", "guard", "defer", "do", "try", "throw", "throws", "where",
    "break", "continue", "static", "class", "struct", "enum", "protocol", "extension", "import",
    "operator", "subscript", "typealias", "associatedtype", "deinit", "internal", "public", "private",
    "fileprivate", "open", "true", "false", "nil", "super", "self", "Self", "Any", "rethrows",
    "fallthrough", "catch", "await", "async",
  ]

  /// The first label of the rule of a binary operator: `__add` for `+`, and for an operator with
  /// no built-in rule (`.*`) a label spelled from its characters, `__operator_2e2a`, that an
  /// `@Adjoint(of: ".*")` declares too.
  static func binaryOperatorLabel(_ op: String) -> String {
    binaryOperators[op] ?? "__operator_" + op.utf8.map { String($0, radix: 16) }.joined()
  }

  /// The first label of the rule of a prefix operator: `__negate` for `-`, `__prefix_<hex>` otherwise.
  static func prefixOperatorLabel(_ op: String) -> String {
    prefixOperators[op] ?? "__prefix_" + op.utf8.map { String($0, radix: 16) }.joined()
  }

  /// A rule's first label: the callee's name, in backticks when it is a keyword.
  static func label(_ name: String) -> String {
    keywords.contains(name) ? "`\(name)`" : name
  }

  /// Whether a name spells a type (by Swift's convention, an upper-case initial), so that a call
  /// of it is an initializer and a member access on it is static.
  static func isTypeName(_ name: String) -> Bool {
    guard let first = name.first else { return false }
    return first.isUppercase
  }
}
