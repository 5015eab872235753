// The standard operators' precedence groups, shared by the parser (to fold operator sequences)
// and the printer (to know where parentheses are needed).

/// How operators of one precedence group group with each other.
enum Associativity {
  /// `a - b - c` is `(a - b) - c`.
  case left
  /// `a ?? b ?? c` is `a ?? (b ?? c)`.
  case right
  /// `a < b < c` is an error in Swift; the parser folds it to the left.
  case none
}

/// The standard library's precedence groups, lowest first. An unknown infix operator gets
/// `defaultGroup`, which sits just above the ternary operator, as in Swift.
enum PrecedenceGroup: Int, Comparable {
  /// `=`, `+=`, ...
  case assignment = 1
  /// `? :`
  case ternary
  /// Custom operators without a declared group.
  case defaultGroup
  /// `||`
  case logicalDisjunction
  /// `&&`
  case logicalConjunction
  /// `==`, `<`, `~=`, ...
  case comparison
  /// `??`
  case nilCoalescing
  /// `is`, `as`, `as?`, `as!`
  case casting
  /// `...`, `..<`
  case rangeFormation
  /// `+`, `-`, `|`, `^`, `&+`, `&-`
  case addition
  /// `*`, `/`, `%`, `&`, `&*`
  case multiplication
  /// `<<`, `>>`
  case bitwiseShift

  static func < (lhs: PrecedenceGroup, rhs: PrecedenceGroup) -> Bool {
    lhs.rawValue < rhs.rawValue
  }

  /// How operators of this group associate.
  var associativity: Associativity {
    switch self {
    case .assignment, .ternary, .nilCoalescing: return .right
    case .logicalDisjunction, .logicalConjunction, .addition, .multiplication, .casting: return .left
    case .defaultGroup, .comparison, .rangeFormation, .bitwiseShift: return .none
    }
  }
}

/// The table of standard infix operators.
enum OperatorTable {
  /// The operators of the assignment group.
  static let assignmentOperators: Set<String> = [
    "=", "*=", "/=", "%=", "+=", "-=", "<<=", ">>=", "&=", "|=", "^=", "&*=", "&+=", "&-=", "&<<=",
    "&>>=", ".&=", ".|=", ".^=",
  ]

  /// The group of each standard infix operator other than assignment.
  static let groups: [String: PrecedenceGroup] = [
    "||": .logicalDisjunction, ".|": .logicalDisjunction, ".^": .logicalDisjunction,
    "&&": .logicalConjunction, ".&": .logicalConjunction,
    "==": .comparison, "!=": .comparison, "<": .comparison, "<=": .comparison, ">": .comparison,
    ">=": .comparison, "===": .comparison, "!==": .comparison, "~=": .comparison,
    ".==": .comparison, ".!=": .comparison, ".<": .comparison, ".<=": .comparison, ".>": .comparison,
    ".>=": .comparison,
    "??": .nilCoalescing,
    "...": .rangeFormation, "..<": .rangeFormation,
    "+": .addition, "-": .addition, "|": .addition, "^": .addition, "&+": .addition, "&-": .addition,
    "*": .multiplication, "/": .multiplication, "%": .multiplication, "&": .multiplication,
    "&*": .multiplication,
    "<<": .bitwiseShift, ">>": .bitwiseShift, "&<<": .bitwiseShift, "&>>": .bitwiseShift,
  ]

  /// Whether `spelling` is an assignment operator.
  static func isAssignment(_ spelling: String) -> Bool {
    assignmentOperators.contains(spelling)
  }

  /// The precedence group of an infix operator.
  static func group(ofInfix spelling: String) -> PrecedenceGroup {
    if isAssignment(spelling) { return .assignment }
    return groups[spelling] ?? .defaultGroup
  }
}
