// Prints AST nodes as Swift source.
//
// The output is canonical: one statement per line, two spaces of indentation per level, binary
// operators with a space on each side, prefix operators glued to their operand. Parentheses
// written in the source are `.parenthesized` nodes and print as written; the printer adds
// parentheses only where a child binds more loosely than its position requires (a synthesized
// `(a + b) * c`), so that printing a parsed tree and parsing the text again gives the same tree.
// Nodes kept as text (`.other`, `.unknown`, literals, `case` patterns) print their text verbatim.

/// Prints statements and function declarations as Swift source.
///
/// ```swift
/// let (statements, _) = SwiftParser.parseStatements("if x>0{y=x*2}")
/// ASTPrinter.print(statements, indent: "")
/// // if x > 0 {
/// //   y = x * 2
/// // }
/// ```
public enum ASTPrinter {
  /// Prints `statements` one per line (a compound statement takes several lines), each line
  /// starting with `indent` and two more spaces per level of nesting. Lines are separated by
  /// `\n`; there is no final newline.
  public static func print(_ statements: [Statement], indent: String) -> String {
    SourcePrinter().statements(statements, indent: indent)
  }

  /// Prints a function declaration (attributes, modifiers, signature and body), its first line
  /// starting with `indent`.
  public static func print(_ function: FunctionDeclaration, indent: String) -> String {
    indent + SourcePrinter().function(function, indent: indent)
  }
}

extension Expression {
  /// The expression as canonical Swift source (a multi-line closure is indented from column 0).
  public var swiftSource: String { SourcePrinter().expression(self, indent: "") }
}

extension TypeSyntax {
  /// The type as Swift source.
  public var swiftSource: String { SourcePrinter().type(self) }
}

extension Pattern {
  /// The pattern as Swift source.
  public var swiftSource: String { SourcePrinter().pattern(self) }
}

extension Condition {
  /// The condition as Swift source, as it is written after `if`, `guard` or `while`.
  public var swiftSource: String { SourcePrinter().condition(self, indent: "") }
}

/// The printer's implementation. Functions that print a node return its text; a node spanning
/// several lines has its later lines indented from `indent`, its first line not indented.
struct SourcePrinter {
  /// One level of indentation.
  let unit = "  "

  // MARK: - Precedence

  /// How tightly an expression binds, for deciding on parentheses: the precedence group's
  /// number for infix expressions, higher for prefix, postfix and primary expressions, and lowest
  /// for `try` and `await` (which extend as far right as they can).
  static func level(of expression: Expression) -> Int {
    switch expression {
    case .binaryOperator(let spelling, _, _, _): return OperatorTable.group(ofInfix: spelling).rawValue
    case .ternary: return PrecedenceGroup.ternary.rawValue
    case .cast: return PrecedenceGroup.casting.rawValue
    case .try, .await: return 0
    case .prefixOperator, .keyPath: return prefixLevel
    default: return postfixLevel
    }
  }

  /// The level of prefix expressions.
  static let prefixLevel = 50
  /// The level of postfix and primary expressions.
  static let postfixLevel = 100

  /// Prints `expression`, in parentheses if it binds more loosely than `minimum`.
  func operand(_ expression: Expression, minimum: Int, indent: String) -> String {
    let printed = self.expression(expression, indent: indent)
    return SourcePrinter.level(of: expression) < minimum ? "(" + printed + ")" : printed
  }

  // MARK: - Expressions

  /// Prints an expression.
  func expression(_ expression: Expression, indent: String) -> String {
    switch expression {
    case .identifier(let name, _):
      return SourcePrinter.identifier(name)
    case .integerLiteral(let text, _), .floatLiteral(let text, _), .stringLiteral(let text, _):
      return text
    case .booleanLiteral(let value, _):
      return value ? "true" : "false"
    case .nilLiteral:
      return "nil"
    case .arrayLiteral(let elements, _):
      return "[" + elements.map { self.expression($0, indent: indent) }.joined(separator: ", ") + "]"
    case .dictionaryLiteral(let elements, _):
      if elements.isEmpty { return "[:]" }
      return "["
        + elements.map { self.expression($0.key, indent: indent) + ": " + self.expression($0.value, indent: indent) }
        .joined(separator: ", ") + "]"
    case .tuple(let elements, _):
      return "(" + arguments(elements, indent: indent) + ")"
    case .parenthesized(let inner, _):
      return "(" + self.expression(inner, indent: indent) + ")"
    case .prefixOperator(let spelling, let operandExpression, _):
      return spelling + operand(operandExpression, minimum: SourcePrinter.postfixLevel, indent: indent)
    case .postfixOperator(let spelling, let operandExpression, _):
      return operand(operandExpression, minimum: SourcePrinter.postfixLevel, indent: indent) + spelling
    case .binaryOperator(let spelling, let left, let right, _):
      let group = OperatorTable.group(ofInfix: spelling)
      let isRightAssociative = group.associativity == .right
      let leftMinimum = group.rawValue + (isRightAssociative ? 1 : 0)
      let rightMinimum = group.rawValue + (isRightAssociative ? 0 : 1)
      return operand(left, minimum: leftMinimum, indent: indent) + " " + spelling + " "
        + operand(right, minimum: rightMinimum, indent: indent)
    case .ternary(let condition, let then, let otherwise, _):
      let ternary = PrecedenceGroup.ternary.rawValue
      return operand(condition, minimum: ternary + 1, indent: indent) + " ? " + self.expression(then, indent: indent)
        + " : " + operand(otherwise, minimum: ternary, indent: indent)
    case .call(let callee, let arguments, let closures, _):
      var text = operand(callee, minimum: SourcePrinter.postfixLevel, indent: indent)
      if !arguments.isEmpty || closures.isEmpty || !Parser.acceptsTrailingClosure(callee) {
        text += "(" + self.arguments(arguments, indent: indent) + ")"
      }
      return text + trailingClosures(closures, indent: indent)
    case .subscript(let base, let arguments, _):
      return operand(base, minimum: SourcePrinter.postfixLevel, indent: indent) + "["
        + self.arguments(arguments, indent: indent) + "]"
    case .member(let base, let name, _):
      return operand(base, minimum: SourcePrinter.postfixLevel, indent: indent) + "." + name
    case .implicitMember(let name, _):
      return "." + name
    case .optionalChain(let base, _):
      return operand(base, minimum: SourcePrinter.postfixLevel, indent: indent) + "?"
    case .forceUnwrap(let base, _):
      // `!` after an optional chain would bind inside it (`o?.a!` unwraps `a`): parenthesize.
      if base.unwrappingOptionalChain() != nil { return "(" + self.expression(base, indent: indent) + ")!" }
      return operand(base, minimum: SourcePrinter.postfixLevel, indent: indent) + "!"
    case .closure(let closure):
      return self.closure(closure, indent: indent)
    case .cast(let inner, let kind, let type, _):
      return operand(inner, minimum: PrecedenceGroup.casting.rawValue, indent: indent) + " " + kind.rawValue + " "
        + self.type(type)
    case .try(let inner, let kind, _):
      return kind.rawValue + " " + self.expression(inner, indent: indent)
    case .await(let inner, _):
      return "await " + self.expression(inner, indent: indent)
    case .macroExpansion(let name, let arguments, let closures, _):
      var text = "#" + name
      if !arguments.isEmpty { text += "(" + self.arguments(arguments, indent: indent) + ")" }
      return text + trailingClosures(closures, indent: indent)
    case .keyPath(let text, _), .unknown(let text, _):
      return text
    case .discard:
      return "_"
    }
  }

  /// `label: value, value, ...`
  func arguments(_ arguments: [Argument], indent: String) -> String {
    arguments.map { argument in
      (argument.label.map { $0 + ": " } ?? "") + expression(argument.value, indent: indent)
    }.joined(separator: ", ")
  }

  /// ` { ... } label: { ... }`
  func trailingClosures(_ closures: [TrailingClosure], indent: String) -> String {
    closures.map { trailing in
      " " + (trailing.label.map { $0 + ": " } ?? "") + closure(trailing.closure, indent: indent)
    }.joined()
  }

  /// A closure: `{ x in x * x }` on one line when its body is one short statement, otherwise
  /// `{ x in` and the body on the following lines.
  func closure(_ closure: ClosureExpression, indent: String) -> String {
    var signature: [String] = []
    if let captureList = closure.captureList { signature.append("[" + captureList + "]") }
    if closure.parametersParenthesized {
      signature.append(
        "(" + closure.parameters.map { parameter in
          SourcePrinter.identifier(parameter.name) + (parameter.type.map { ": " + type($0) } ?? "")
        }.joined(separator: ", ") + ")")
    } else if !closure.parameters.isEmpty {
      signature.append(closure.parameters.map { SourcePrinter.identifier($0.name) }.joined(separator: ", "))
    }
    if let effects = closure.effects { signature.append(effects) }
    if let resultType = closure.resultType { signature.append("-> " + type(resultType)) }
    let header = signature.isEmpty ? "{" : "{ " + signature.joined(separator: " ") + " in"
    if closure.body.isEmpty {
      return header + " }"
    }
    let bodyIndent = indent + unit
    if closure.body.count == 1 {
      // Printed once: a statement that fits on one line does not depend on the indentation.
      let single = statement(closure.body[0], indent: bodyIndent)
      if !single.contains("\n") {
        return header + " " + single + " }"
      }
      return header + "\n" + bodyIndent + single + "\n" + indent + "}"
    }
    return header + "\n" + statements(closure.body, indent: bodyIndent) + "\n" + indent + "}"
  }

  /// A name, in backticks if it is a reserved word, and as `(op)` if it is an operator.
  static func identifier(_ name: String) -> String {
    if let first = name.unicodeScalars.first {
      let isOperator = first.value < 0x80
        ? (first == "." || CharacterClasses.isASCIIOperatorCharacter(UInt8(first.value)))
        : CharacterClasses.isUnicodeOperatorHead(first.value)
      if isOperator { return "(" + name + ")" }
    }
    if Keywords.reserved.contains(name) && !Keywords.expressionNames.contains(name) && name != "_" {
      return "`" + name + "`"
    }
    // A raw identifier (`` `foo bar` ``, `` `1st` ``) needs its backticks; a name with generic
    // arguments (`Array<Double>`) does not.
    if !name.contains("<"), name.contains(where: { $0 == " " || $0 == "\t" }) || name.first?.isNumber == true {
      return "`" + name + "`"
    }
    return name
  }

  /// Whether `expression` has a trailing closure outside any parentheses or brackets, which the
  /// condition of an `if`, `while`, ... would take for the statement's body.
  static func hasBareTrailingClosure(_ expression: Expression) -> Bool {
    switch expression {
    case .call(let callee, _, let closures, _):
      return !closures.isEmpty || hasBareTrailingClosure(callee)
    case .macroExpansion(_, _, let closures, _):
      return !closures.isEmpty
    case .member(let base, _, _), .optionalChain(let base, _), .forceUnwrap(let base, _),
      .postfixOperator(_, let base, _), .subscript(let base, _, _), .prefixOperator(_, let base, _),
      .cast(let base, _, _, _), .try(let base, _, _), .await(let base, _):
      return hasBareTrailingClosure(base)
    case .binaryOperator(_, let left, let right, _):
      return hasBareTrailingClosure(left) || hasBareTrailingClosure(right)
    case .ternary(let condition, let then, let otherwise, _):
      return hasBareTrailingClosure(condition) || hasBareTrailingClosure(then) || hasBareTrailingClosure(otherwise)
    default:
      return false
    }
  }

  /// An expression in a condition (or `for`-`in` sequence, or `switch` subject): in parentheses
  /// if it has a trailing closure that would otherwise be read as the body.
  func conditionExpression(_ expression: Expression, indent: String) -> String {
    let printed = self.expression(expression, indent: indent)
    return SourcePrinter.hasBareTrailingClosure(expression) ? "(" + printed + ")" : printed
  }

  // MARK: - Types and patterns

  /// Prints a type.
  func type(_ type: TypeSyntax) -> String {
    switch type {
    case .named(let text), .function(let text), .other(let text):
      return text
    case .array(let element):
      return "[" + self.type(element) + "]"
    case .dictionary(let key, let value):
      return "[" + self.type(key) + ": " + self.type(value) + "]"
    case .tuple(let elements):
      return "(" + elements.map { ($0.label.map { $0 + ": " } ?? "") + self.type($0.type) }.joined(separator: ", ") + ")"
    case .optional(let wrapped):
      return postfixOperand(wrapped) + "?"
    case .implicitlyUnwrappedOptional(let wrapped):
      return postfixOperand(wrapped) + "!"
    case .inout(let inner):
      return "inout " + self.type(inner)
    }
  }

  /// A type before `?` or `!`: function types, `inout` and spaced text (`some P`, `P & Q`) in
  /// parentheses.
  func postfixOperand(_ type: TypeSyntax) -> String {
    let printed = self.type(type)
    switch type {
    case .function, .inout:
      return "(" + printed + ")"
    case .other(let text) where text.contains(" ") || text.contains("&") || text.hasPrefix("~"):
      return "(" + printed + ")"
    default:
      return printed
    }
  }

  /// Prints a pattern.
  func pattern(_ pattern: Pattern) -> String {
    switch pattern {
    case .identifier(let name, _):
      return SourcePrinter.identifier(name)
    case .wildcard:
      return "_"
    case .tuple(let elements, _):
      return "(" + elements.map { ($0.label.map { $0 + ": " } ?? "") + self.pattern($0.pattern) }.joined(separator: ", ") + ")"
    case .typed(let inner, let type, _):
      return self.pattern(inner) + ": " + self.type(type)
    case .other(let text, _, _):
      return text
    }
  }

  /// Prints a condition of an `if`, `guard` or `while`.
  func condition(_ condition: Condition, indent: String) -> String {
    switch condition {
    case .expression(let expression):
      return conditionExpression(expression, indent: indent)
    case .optionalBinding(let isVariable, let pattern, let type, let value, _):
      return (isVariable ? "var " : "let ") + self.pattern(pattern) + (type.map { ": " + self.type($0) } ?? "")
        + (value.map { " = " + conditionExpression($0, indent: indent) } ?? "")
    case .casePattern(let text, _, _), .availability(let text, _):
      return text
    }
  }

  /// `condition, condition, ...`
  func conditions(_ conditions: [Condition], indent: String) -> String {
    conditions.map { condition($0, indent: indent) }.joined(separator: ", ")
  }

  // MARK: - Statements

  /// Prints statements, one per line, each starting with `indent`.
  func statements(_ statements: [Statement], indent: String) -> String {
    statements.map { indent + statement($0, indent: indent) }.joined(separator: "\n")
  }

  /// `{`, the statements one level deeper, and `}` (or `{}` when empty).
  func block(_ body: [Statement], indent: String) -> String {
    if body.isEmpty { return "{}" }
    return "{\n" + statements(body, indent: indent + unit) + "\n" + indent + "}"
  }

  /// `label: ` or nothing.
  static func labelPrefix(_ label: String?) -> String {
    label.map { $0 + ": " } ?? ""
  }

  /// Prints one statement (its first line without indentation).
  func statement(_ statement: Statement, indent: String) -> String {
    switch statement {
    case .expression(let expression):
      return self.expression(expression, indent: indent)
    case .variable(let declaration):
      return variable(declaration, indent: indent)
    case .assignment(let target, let spelling, let value, _):
      return operand(target, minimum: PrecedenceGroup.assignment.rawValue + 1, indent: indent) + " " + spelling + " "
        + expression(value, indent: indent)
    case .if(let ifStatement):
      return self.ifStatement(ifStatement, indent: indent)
    case .guard(let conditions, let body, _):
      return "guard " + self.conditions(conditions, indent: indent) + " else " + block(body, indent: indent)
    case .while(let label, let conditions, let body, _):
      return SourcePrinter.labelPrefix(label) + "while " + self.conditions(conditions, indent: indent) + " "
        + block(body, indent: indent)
    case .repeatWhile(let label, let body, let condition, _):
      return SourcePrinter.labelPrefix(label) + "repeat " + block(body, indent: indent) + " while "
        + expression(condition, indent: indent)
    case .forIn(let label, let pattern, let sequence, let filter, let body, _):
      return SourcePrinter.labelPrefix(label) + "for " + self.pattern(pattern) + " in "
        + conditionExpression(sequence, indent: indent)
        + (filter.map { " where " + conditionExpression($0, indent: indent) } ?? "") + " " + block(body, indent: indent)
    case .switch(let label, let subject, let cases, _):
      var lines = [SourcePrinter.labelPrefix(label) + "switch " + conditionExpression(subject, indent: indent) + " {"]
      for switchCase in cases {
        lines.append(indent + (switchCase.patternText.map { "case " + $0 + ":" } ?? "default:"))
        if !switchCase.body.isEmpty {
          lines.append(statements(switchCase.body, indent: indent + unit))
        }
      }
      lines.append(indent + "}")
      return lines.joined(separator: "\n")
    case .return(let value, _):
      return "return" + (value.map { " " + expression($0, indent: indent) } ?? "")
    case .break(let label, _):
      return "break" + (label.map { " " + $0 } ?? "")
    case .continue(let label, _):
      return "continue" + (label.map { " " + $0 } ?? "")
    case .fallthrough:
      return "fallthrough"
    case .throw(let value, _):
      return "throw " + expression(value, indent: indent)
    case .defer(let body, _):
      return "defer " + block(body, indent: indent)
    case .do(let label, let body, let catches, _):
      var text = SourcePrinter.labelPrefix(label) + "do " + block(body, indent: indent)
      for clause in catches {
        text += " catch " + (clause.patternText.map { $0 + " " } ?? "") + block(clause.body, indent: indent)
      }
      return text
    case .function(let function):
      return self.function(function, indent: indent)
    case .other(let text, _):
      return text
    }
  }

  /// `if conditions { } else if ... { } else { }`
  func ifStatement(_ ifStatement: IfStatement, indent: String) -> String {
    var text = "if " + conditions(ifStatement.conditions, indent: indent) + " " + block(ifStatement.body, indent: indent)
    switch ifStatement.elseBranch {
    case .elseIf(let nested):
      text += " else " + self.ifStatement(nested, indent: indent)
    case .block(let body):
      text += " else " + block(body, indent: indent)
    case nil:
      break
    }
    return text
  }

  /// `@attribute(arguments) ` for each attribute.
  func attributes(_ attributes: [Attribute]) -> String {
    attributes.map { "@" + $0.name + ($0.arguments.map { "(" + $0 + ")" } ?? "") + " " }.joined()
  }

  /// `modifier ` for each modifier.
  func modifiers(_ modifiers: [String]) -> String {
    modifiers.map { $0 + " " }.joined()
  }

  /// `let x: T = value, y = value`
  func variable(_ declaration: VariableDeclaration, indent: String) -> String {
    attributes(declaration.attributes) + modifiers(declaration.modifiers) + (declaration.isVariable ? "var " : "let ")
      + declaration.bindings.map { binding in
        pattern(binding.pattern) + (binding.type.map { ": " + type($0) } ?? "")
          + (binding.initializer.map { " = " + expression($0, indent: indent) } ?? "")
          + (binding.accessors.map { " " + $0 } ?? "")
      }.joined(separator: ", ")
  }

  /// A function or initializer declaration.
  func function(_ function: FunctionDeclaration, indent: String) -> String {
    var text = attributes(function.attributes) + modifiers(function.modifiers)
    if ["init", "init?", "init!"].contains(function.name) {
      text += function.name
    } else {
      let name = SourcePrinter.identifier(function.name)
      // An operator name prints bare, with a space before the parameter list: `func + (l: V, r: V)`.
      text += "func " + (name.hasPrefix("(") && name != function.name ? function.name + " " : name)
    }
    text += function.genericParameters ?? ""
    text += "(" + function.parameters.map(parameter).joined(separator: ", ") + ")"
    if let effects = function.effects { text += " " + effects }
    if let resultType = function.resultType { text += " -> " + type(resultType) }
    if let whereClause = function.whereClause { text += " " + whereClause }
    if let body = function.body { text += " " + block(body, indent: indent) }
    return text
  }

  /// `label name: Type... = default`
  func parameter(_ parameter: Parameter) -> String {
    (parameter.label.map { $0 + " " } ?? "") + parameter.name + ": " + type(parameter.type)
      + (parameter.isVariadic ? "..." : "") + (parameter.defaultValue.map { " = " + $0 } ?? "")
  }
}
