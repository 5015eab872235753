// The small AST that the parser produces and the differentiator reads.
//
// It covers the Swift that appears in function declarations and bodies. Every node carries the
// UTF-8 byte range it was parsed from (relative to the start of the source text handed to the
// parser), so diagnostics point at the user's own line and column. Constructs the transform never
// needs to look inside (nested type declarations, key paths, attributes' arguments) are kept as
// text: they pass through the generated code untouched.

/// A half-open range of UTF-8 byte offsets into the parsed source text.
public struct SourceRange: Equatable, Hashable, Sendable {
  /// Offset of the first byte.
  public var start: Int
  /// Offset one past the last byte.
  public var end: Int

  /// Creates a range from `start` up to, but not including, `end`.
  public init(start: Int, end: Int) {
    self.start = start
    self.end = end
  }

  /// An empty range at offset 0, for nodes synthesised by the transform.
  public static let synthesized = SourceRange(start: 0, end: 0)
}

/// A Swift type as written. The differentiator needs the structure of a few types (tuples,
/// arrays, optionals) to name their tangents; everything else is kept as text.
public indirect enum TypeSyntax: Equatable, Sendable {
  /// Whether the type is written as an optional (`T?`, `T!`, `Optional<T>`).
  public var isOptional: Bool {
    switch self {
    case .optional, .implicitlyUnwrappedOptional: return true
    case .named(let name): return name.hasPrefix("Optional<")
    default: return false
    }
  }

  /// `Double`, `Swift.Double`, `Tensor<Float>`, `T`, `Self`: the text as written.
  case named(String)
  /// `[Element]`
  case array(TypeSyntax)
  /// `[Key: Value]`
  case dictionary(key: TypeSyntax, value: TypeSyntax)
  /// `(a: A, B)`; `()` is a tuple with no elements. A parenthesised single unlabeled type is
  /// not a tuple: the parser returns the inner type.
  case tuple([TupleTypeElement])
  /// `Wrapped?`
  case optional(TypeSyntax)
  /// `Wrapped!`
  case implicitlyUnwrappedOptional(TypeSyntax)
  /// `(A, B) async throws -> R` including any attributes such as `@escaping`: kept as text.
  case function(String)
  /// `inout T`
  case `inout`(TypeSyntax)
  /// `some P`, `any P`, `P & Q`, metatypes, and anything else: kept as text.
  case other(String)
}

/// One element of a tuple type.
public struct TupleTypeElement: Equatable, Sendable {
  /// The element's label, if any.
  public var label: String?
  /// The element's type.
  public var type: TypeSyntax

  /// Creates a tuple type element.
  public init(label: String?, type: TypeSyntax) {
    self.label = label
    self.type = type
  }
}

/// An attribute such as `@Differentiable`, `@inlinable` or `@Adjoint(of: add)`.
public struct Attribute: Equatable, Sendable {
  /// The attribute's name without `@` (`Differentiable`, `Zygote.Differentiable`, `inlinable`).
  public var name: String
  /// The text between the parentheses, if the attribute has an argument list.
  public var arguments: String?
  /// Where the attribute was written, `@` included.
  public var range: SourceRange

  /// Creates an attribute.
  public init(name: String, arguments: String?, range: SourceRange) {
    self.name = name
    self.arguments = arguments
    self.range = range
  }
}

/// An expression, with operators already folded by precedence.
public indirect enum Expression: Equatable, Sendable {
  /// `x`, `` `x` `` (name without backticks), `$0`, `self`, `Self`, `super`, or an operator used
  /// as a value such as `(+)` (name `+`).
  case identifier(name: String, range: SourceRange)
  /// `42`, `0x2A`, `1_000`: the literal's text as written.
  case integerLiteral(text: String, range: SourceRange)
  /// `1.5`, `1e-3`, `0x1p-2`: the literal's text as written.
  case floatLiteral(text: String, range: SourceRange)
  /// Any string literal, including interpolations, raw and multi-line strings: its text as
  /// written, delimiters included.
  case stringLiteral(text: String, range: SourceRange)
  /// `true` or `false`.
  case booleanLiteral(value: Bool, range: SourceRange)
  /// `nil`
  case nilLiteral(range: SourceRange)
  /// `[a, b]`
  case arrayLiteral(elements: [Expression], range: SourceRange)
  /// `[k: v]`, and `[:]` with no elements.
  case dictionaryLiteral(elements: [DictionaryElement], range: SourceRange)
  /// `(a, b)` or `(x: 1, y: 2)`: two or more elements, or one labeled element, or `()`.
  case tuple(elements: [Argument], range: SourceRange)
  /// `(e)`: a parenthesised single unlabeled expression.
  case parenthesized(Expression, range: SourceRange)
  /// `-x`, `!b`, `~n`: an operator with no space before its operand.
  case prefixOperator(operator: String, operand: Expression, range: SourceRange)
  /// `x...`, and any custom postfix operator. `!` and `?` have their own cases.
  case postfixOperator(operator: String, operand: Expression, range: SourceRange)
  /// `a + b`, `a < b`, `a ?? b`, `a && b`, `a ... b`: folded by the standard precedence groups.
  /// Assignment operators (`=`, `+=`, ...) never appear here: see `Statement.assignment`.
  case binaryOperator(operator: String, left: Expression, right: Expression, range: SourceRange)
  /// `c ? a : b`
  case ternary(condition: Expression, then: Expression, else: Expression, range: SourceRange)
  /// `f(a, b: c) { trailing }`: the callee may be any expression (`a.f`, `Double`, `.init`).
  case call(callee: Expression, arguments: [Argument], trailingClosures: [TrailingClosure], range: SourceRange)
  /// `a[i]`, `a[i, j]`, `d[k, default: 0]`
  case `subscript`(base: Expression, arguments: [Argument], range: SourceRange)
  /// `a.b`, `a.0`, `a.init`, `Double.pi`
  case member(base: Expression, name: String, range: SourceRange)
  /// `.zero`, `.init`
  case implicitMember(name: String, range: SourceRange)
  /// `a?`, the start of an optional chain (`a?.b` is `member(base: optionalChain(a), name: b)`).
  case optionalChain(Expression, range: SourceRange)
  /// `a!`
  case forceUnwrap(Expression, range: SourceRange)
  /// `{ x in x * x }`
  case closure(ClosureExpression)
  /// `e as T`, `e as? T`, `e as! T`, `e is T`
  case cast(Expression, kind: CastKind, type: TypeSyntax, range: SourceRange)
  /// `try e`, `try? e`, `try! e`
  case `try`(Expression, kind: TryKind, range: SourceRange)
  /// `await e`
  case await(Expression, range: SourceRange)
  /// `#gradient(f, at: x)`, `#line`: a freestanding macro expansion.
  case macroExpansion(name: String, arguments: [Argument], trailingClosures: [TrailingClosure], range: SourceRange)
  /// `\Point.x` and other key paths: kept as text.
  case keyPath(text: String, range: SourceRange)
  /// `_` as an expression (the left side of `_ = f()`).
  case discard(range: SourceRange)
  /// `if`/`switch` used as an expression, or anything else the parser does not model: kept as
  /// text. The differentiator refuses it in an active position.
  case unknown(text: String, range: SourceRange)
}

/// How a cast is written.
public enum CastKind: String, Equatable, Sendable {
  /// `as`
  case `as` = "as"
  /// `as?`
  case conditional = "as?"
  /// `as!`
  case forced = "as!"
  /// `is`
  case `is` = "is"
}

/// How a `try` is written.
public enum TryKind: String, Equatable, Sendable {
  /// `try`
  case plain = "try"
  /// `try?`
  case optional = "try?"
  /// `try!`
  case forced = "try!"
}

/// A call, subscript or tuple argument: `label: value` or just `value`.
public struct Argument: Equatable, Sendable {
  /// The argument label, if written.
  public var label: String?
  /// The argument's value.
  public var value: Expression
  /// The range from the label (or value) to the end of the value.
  public var range: SourceRange

  /// Creates an argument.
  public init(label: String?, value: Expression, range: SourceRange) {
    self.label = label
    self.value = value
    self.range = range
  }
}

/// A trailing closure: the first has no label, the following ones do.
public struct TrailingClosure: Equatable, Sendable {
  /// The label of the second and later trailing closures.
  public var label: String?
  /// The closure.
  public var closure: ClosureExpression

  /// Creates a trailing closure.
  public init(label: String?, closure: ClosureExpression) {
    self.label = label
    self.closure = closure
  }
}

/// One `key: value` entry of a dictionary literal.
public struct DictionaryElement: Equatable, Sendable {
  /// The key.
  public var key: Expression
  /// The value.
  public var value: Expression

  /// Creates a dictionary literal element.
  public init(key: Expression, value: Expression) {
    self.key = key
    self.value = value
  }
}

/// A closure literal.
public struct ClosureExpression: Equatable, Sendable {
  /// The capture list's text without brackets (`weak self, x`), if written.
  public var captureList: String?
  /// The named parameters: `{ x, y in }`, `{ (x: Double, y: Double) -> Double in }`. Empty when
  /// the closure uses `$0`-style anonymous parameters or takes none.
  public var parameters: [ClosureParameter]
  /// Whether the parameter clause was written in parentheses.
  public var parametersParenthesized: Bool
  /// The effects written before `->` or `in` (`throws`, `async`), as text.
  public var effects: String?
  /// The declared result type, if written.
  public var resultType: TypeSyntax?
  /// The statements of the body. A single-expression closure has one `.expression` statement.
  public var body: [Statement]
  /// From `{` to `}`.
  public var range: SourceRange

  /// Creates a closure expression.
  public init(
    captureList: String?, parameters: [ClosureParameter], parametersParenthesized: Bool,
    effects: String?, resultType: TypeSyntax?, body: [Statement], range: SourceRange
  ) {
    self.captureList = captureList
    self.parameters = parameters
    self.parametersParenthesized = parametersParenthesized
    self.effects = effects
    self.resultType = resultType
    self.body = body
    self.range = range
  }
}

/// A closure parameter: `x` or `x: Double` (or `_`).
public struct ClosureParameter: Equatable, Sendable {
  /// The parameter's name (`_` for an unnamed one).
  public var name: String
  /// The declared type, if written.
  public var type: TypeSyntax?
  /// Where the parameter was written.
  public var range: SourceRange

  /// Creates a closure parameter.
  public init(name: String, type: TypeSyntax?, range: SourceRange) {
    self.name = name
    self.type = type
    self.range = range
  }
}

/// A pattern in a variable declaration, `for-in`, `case` or optional binding.
public indirect enum Pattern: Equatable, Sendable {
  /// `x`
  case identifier(name: String, range: SourceRange)
  /// `_`
  case wildcard(range: SourceRange)
  /// `(a, b)`, `(x: a, y: b)`
  case tuple(elements: [TuplePatternElement], range: SourceRange)
  /// `x: T` (only where the grammar allows a type annotation)
  case typed(Pattern, type: TypeSyntax, range: SourceRange)
  /// Enum-case patterns, `let` inside patterns, expression patterns, `is T`, `x?`: kept as text,
  /// with the names they bind.
  case other(text: String, boundNames: [String], range: SourceRange)
}

/// One element of a tuple pattern.
public struct TuplePatternElement: Equatable, Sendable {
  /// The element's label, if written.
  public var label: String?
  /// The element's pattern.
  public var pattern: Pattern

  /// Creates a tuple pattern element.
  public init(label: String?, pattern: Pattern) {
    self.label = label
    self.pattern = pattern
  }
}

/// One binding of a `let` or `var` declaration: `x: Double = 1`.
public struct PatternBinding: Equatable, Sendable {
  /// The pattern (a type annotation is kept in `type`, not in a `.typed` pattern).
  public var pattern: Pattern
  /// The type annotation, if written.
  public var type: TypeSyntax?
  /// The initial value, if written.
  public var initializer: Expression?
  /// Accessor blocks of computed local variables (`var y: Double { x * 2 }`) as text, if any.
  public var accessors: String?
  /// From the pattern to the end of the initializer.
  public var range: SourceRange

  /// Creates a pattern binding.
  public init(pattern: Pattern, type: TypeSyntax?, initializer: Expression?, accessors: String?, range: SourceRange) {
    self.pattern = pattern
    self.type = type
    self.initializer = initializer
    self.accessors = accessors
    self.range = range
  }
}

/// `let x = 1, y = 2` or `var s: Double = 0`
public struct VariableDeclaration: Equatable, Sendable {
  /// Attributes written before the declaration.
  public var attributes: [Attribute]
  /// Modifiers such as `private`, `static`, `lazy`.
  public var modifiers: [String]
  /// `true` for `var`, `false` for `let`.
  public var isVariable: Bool
  /// The bindings, in order.
  public var bindings: [PatternBinding]
  /// The whole declaration.
  public var range: SourceRange

  /// Creates a variable declaration.
  public init(attributes: [Attribute], modifiers: [String], isVariable: Bool, bindings: [PatternBinding], range: SourceRange) {
    self.attributes = attributes
    self.modifiers = modifiers
    self.isVariable = isVariable
    self.bindings = bindings
    self.range = range
  }
}

/// One condition of an `if`, `guard` or `while`.
public enum Condition: Equatable, Sendable {
  /// A Boolean expression.
  case expression(Expression)
  /// `let x = e`, `var x = e`, and the shorthand `let x` (then `value` is nil).
  case optionalBinding(isVariable: Bool, pattern: Pattern, type: TypeSyntax?, value: Expression?, range: SourceRange)
  /// `case .some(let v) = e`: kept as text.
  case casePattern(text: String, boundNames: [String], range: SourceRange)
  /// `#available(...)`: kept as text.
  case availability(text: String, range: SourceRange)
}

/// `if ... { } else if ... { } else { }`
public struct IfStatement: Equatable, Sendable {
  /// The comma-separated conditions.
  public var conditions: [Condition]
  /// The statements run when every condition holds.
  public var body: [Statement]
  /// The `else` part, if any.
  public var elseBranch: ElseBranch?
  /// The whole statement.
  public var range: SourceRange

  /// Creates an `if` statement.
  public init(conditions: [Condition], body: [Statement], elseBranch: ElseBranch?, range: SourceRange) {
    self.conditions = conditions
    self.body = body
    self.elseBranch = elseBranch
    self.range = range
  }
}

/// The part after `else`.
public indirect enum ElseBranch: Equatable, Sendable {
  /// `else if ...`
  case elseIf(IfStatement)
  /// `else { ... }`
  case block([Statement])
}

/// One `case` (or `default`) clause of a `switch`.
public struct SwitchCase: Equatable, Sendable {
  /// The text between `case` and `:` (patterns and `where` clause), or nil for `default`.
  public var patternText: String?
  /// The names the patterns bind.
  public var boundNames: [String]
  /// The statements of the clause.
  public var body: [Statement]
  /// From `case`/`default` to the end of the last statement.
  public var range: SourceRange

  /// Creates a switch case.
  public init(patternText: String?, boundNames: [String], body: [Statement], range: SourceRange) {
    self.patternText = patternText
    self.boundNames = boundNames
    self.body = body
    self.range = range
  }
}

/// A `catch` clause of a `do` statement.
public struct CatchClause: Equatable, Sendable {
  /// The text between `catch` and `{`, if any.
  public var patternText: String?
  /// The clause's statements.
  public var body: [Statement]
  /// The whole clause.
  public var range: SourceRange

  /// Creates a catch clause.
  public init(patternText: String?, body: [Statement], range: SourceRange) {
    self.patternText = patternText
    self.body = body
    self.range = range
  }
}

/// A statement of a function or closure body.
public indirect enum Statement: Equatable, Sendable {
  /// An expression used as a statement (a call, usually).
  case expression(Expression)
  /// `let`/`var` declarations.
  case variable(VariableDeclaration)
  /// `target = value`, `target += value`, ... (any operator of the assignment precedence group).
  case assignment(target: Expression, operator: String, value: Expression, range: SourceRange)
  /// `if`
  case `if`(IfStatement)
  /// `guard conditions else { body }`
  case `guard`(conditions: [Condition], elseBody: [Statement], range: SourceRange)
  /// `label: while conditions { body }`
  case `while`(label: String?, conditions: [Condition], body: [Statement], range: SourceRange)
  /// `label: repeat { body } while condition`
  case repeatWhile(label: String?, body: [Statement], condition: Expression, range: SourceRange)
  /// `label: for pattern in sequence where filter { body }` (`for case`, `for try await` are
  /// represented with a `.other` pattern and the keywords in its text)
  case forIn(label: String?, pattern: Pattern, sequence: Expression, whereClause: Expression?, body: [Statement], range: SourceRange)
  /// `label: switch subject { cases }`
  case `switch`(label: String?, subject: Expression, cases: [SwitchCase], range: SourceRange)
  /// `return` or `return e`
  case `return`(Expression?, range: SourceRange)
  /// `break` or `break label`
  case `break`(label: String?, range: SourceRange)
  /// `continue` or `continue label`
  case `continue`(label: String?, range: SourceRange)
  /// `fallthrough`
  case `fallthrough`(range: SourceRange)
  /// `throw e`
  case `throw`(Expression, range: SourceRange)
  /// `defer { body }`
  case `defer`(body: [Statement], range: SourceRange)
  /// `label: do { body } catch ... { }`
  case `do`(label: String?, body: [Statement], catches: [CatchClause], range: SourceRange)
  /// A nested function.
  case function(FunctionDeclaration)
  /// Nested type declarations, `typealias`, `#if` blocks and anything else the parser keeps
  /// whole: the text as written.
  case other(text: String, range: SourceRange)
}

/// A parameter of a function declaration.
public struct Parameter: Equatable, Sendable {
  /// The argument label (`_` when written as `_`); nil when the parameter has a single name that
  /// serves as both label and internal name.
  public var label: String?
  /// The name used inside the body.
  public var name: String
  /// The parameter's type (`inout T` is `.inout(T)`), attributes such as `@escaping` included
  /// in `.function` text.
  public var type: TypeSyntax
  /// `x: Double...`
  public var isVariadic: Bool
  /// The default value's text, if written.
  public var defaultValue: String?
  /// The whole parameter.
  public var range: SourceRange

  /// Creates a parameter.
  public init(label: String?, name: String, type: TypeSyntax, isVariadic: Bool, defaultValue: String?, range: SourceRange) {
    self.label = label
    self.name = name
    self.type = type
    self.isVariadic = isVariadic
    self.defaultValue = defaultValue
    self.range = range
  }

  /// The label a call site writes: `label` if present, otherwise `name` (nil for `_`).
  public var callLabel: String? {
    if let label { return label == "_" ? nil : label }
    return name
  }
}

/// A function declaration: global, method, static, or nested in a body.
public struct FunctionDeclaration: Equatable, Sendable {
  /// Attributes in order (`@Differentiable`, `@inlinable`, ...).
  public var attributes: [Attribute]
  /// Modifiers in order (`public`, `static`, `mutating`, `private(set)`, ...).
  public var modifiers: [String]
  /// The function's name; for an operator function, the operator (`+`).
  public var name: String
  /// The generic parameter clause's text including angle brackets (`<T: BinaryFloatingPoint>`).
  public var genericParameters: String?
  /// The parameters in order.
  public var parameters: [Parameter]
  /// Effects written after the parameters (`async throws`, `rethrows`), as text.
  public var effects: String?
  /// The result type, if written.
  public var resultType: TypeSyntax?
  /// The `where` clause's text including `where`.
  public var whereClause: String?
  /// The body's statements, nil for a declaration without body (a protocol requirement).
  public var body: [Statement]?
  /// From the first attribute or modifier to the closing brace.
  public var range: SourceRange
  /// The range of the name, for diagnostics.
  public var nameRange: SourceRange
  /// The body's range, braces included; nil for a declaration without body.
  public var bodyRange: SourceRange?

  /// Creates a function declaration.
  public init(
    attributes: [Attribute], modifiers: [String], name: String, genericParameters: String?,
    parameters: [Parameter], effects: String?, resultType: TypeSyntax?, whereClause: String?,
    body: [Statement]?, range: SourceRange, nameRange: SourceRange, bodyRange: SourceRange? = nil
  ) {
    self.attributes = attributes
    self.modifiers = modifiers
    self.name = name
    self.genericParameters = genericParameters
    self.parameters = parameters
    self.effects = effects
    self.resultType = resultType
    self.whereClause = whereClause
    self.body = body
    self.range = range
    self.nameRange = nameRange
    self.bodyRange = bodyRange
  }
}

/// A stored or computed property of a type declaration, as the struct macro needs it.
public struct StoredProperty: Equatable, Sendable {
  /// Attributes (`@NoDerivative`).
  public var attributes: [Attribute]
  /// Modifiers (`public`, `static`, `private(set)`).
  public var modifiers: [String]
  /// `var` or `let`.
  public var isVariable: Bool
  /// The property's name.
  public var name: String
  /// The declared type, if written.
  public var type: TypeSyntax?
  /// The initial value's text, if written.
  public var initializer: String?
  /// Whether the property has accessors (computed, or observers): then it is not stored.
  public var hasAccessors: Bool
  /// The whole declaration.
  public var range: SourceRange

  /// Creates a property description.
  public init(
    attributes: [Attribute], modifiers: [String], isVariable: Bool, name: String, type: TypeSyntax?,
    initializer: String?, hasAccessors: Bool, range: SourceRange
  ) {
    self.attributes = attributes
    self.modifiers = modifiers
    self.isVariable = isVariable
    self.name = name
    self.type = type
    self.initializer = initializer
    self.hasAccessors = hasAccessors
    self.range = range
  }
}

/// A `struct`, `class`, `enum`, `actor` or `extension` declaration, with what the macros need of it.
public struct TypeDeclaration: Equatable, Sendable {
  /// `struct`, `class`, `enum`, `actor`, `extension` or `protocol`.
  public var kind: String
  /// Attributes in order.
  public var attributes: [Attribute]
  /// Modifiers in order.
  public var modifiers: [String]
  /// The type's name (for an extension, the extended type as written).
  public var name: String
  /// The generic parameter clause's text including angle brackets.
  public var genericParameters: String?
  /// The inheritance clause's entries as text.
  public var inheritance: [String]
  /// The `where` clause's text including `where`.
  public var whereClause: String?
  /// Stored and computed properties declared directly in the body (one entry per binding).
  public var properties: [StoredProperty]
  /// Functions declared directly in the body.
  public var functions: [FunctionDeclaration]
  /// Whether the body declares an `init`.
  public var hasInitializer: Bool
  /// The whole declaration.
  public var range: SourceRange

  /// Creates a type declaration description.
  public init(
    kind: String, attributes: [Attribute], modifiers: [String], name: String, genericParameters: String?,
    inheritance: [String], whereClause: String?, properties: [StoredProperty], functions: [FunctionDeclaration],
    hasInitializer: Bool, range: SourceRange
  ) {
    self.kind = kind
    self.attributes = attributes
    self.modifiers = modifiers
    self.name = name
    self.genericParameters = genericParameters
    self.inheritance = inheritance
    self.whereClause = whereClause
    self.properties = properties
    self.functions = functions
    self.hasInitializer = hasInitializer
    self.range = range
  }
}

/// A top-level declaration the parser can read from a macro's declaration syntax.
public enum Declaration: Equatable, Sendable {
  /// A function.
  case function(FunctionDeclaration)
  /// A type or extension.
  case type(TypeDeclaration)
  /// A variable (a stored property, for diagnostics).
  case variable(VariableDeclaration)
  /// Anything else, as text.
  case other(text: String, range: SourceRange)
}
