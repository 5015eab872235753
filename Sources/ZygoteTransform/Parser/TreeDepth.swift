// Measures how deep an expression tree is, without recursing further than the limit.
//
// The parser bounds its own recursion with `Parser.maximumNesting`, but operator and postfix
// chains (`a + b + c + ...`, `a.b.c...`) are parsed by loops and still build deep trees, which
// every later recursive pass (printing, equality, the differentiator) would walk. Such trees are
// measured here and refused.

enum TreeDepth {
  /// Whether `expression` is more than `limit` levels deep (closure bodies included).
  static func exceeds(_ expression: Expression, _ limit: Int) -> Bool {
    exceeds(expression: expression, remaining: limit)
  }

  /// Whether the tree below `expression` needs more than `remaining` levels.
  private static func exceeds(expression: Expression, remaining: Int) -> Bool {
    if remaining <= 0 { return true }
    let next = remaining - 1
    switch expression {
    case .identifier, .integerLiteral, .floatLiteral, .stringLiteral, .booleanLiteral, .nilLiteral,
      .implicitMember, .keyPath, .discard, .unknown:
      return false
    case .arrayLiteral(let elements, _):
      return elements.contains { exceeds(expression: $0, remaining: next) }
    case .dictionaryLiteral(let elements, _):
      return elements.contains { exceeds(expression: $0.key, remaining: next) || exceeds(expression: $0.value, remaining: next) }
    case .tuple(let arguments, _):
      return arguments.contains { exceeds(expression: $0.value, remaining: next) }
    case .parenthesized(let inner, _), .prefixOperator(_, let inner, _), .postfixOperator(_, let inner, _),
      .member(let inner, _, _), .optionalChain(let inner, _), .forceUnwrap(let inner, _), .cast(let inner, _, _, _),
      .try(let inner, _, _), .await(let inner, _):
      return exceeds(expression: inner, remaining: next)
    case .binaryOperator(_, let left, let right, _):
      return exceeds(expression: left, remaining: next) || exceeds(expression: right, remaining: next)
    case .ternary(let condition, let then, let otherwise, _):
      return exceeds(expression: condition, remaining: next) || exceeds(expression: then, remaining: next)
        || exceeds(expression: otherwise, remaining: next)
    case .call(let callee, let arguments, let closures, _):
      return exceeds(expression: callee, remaining: next)
        || arguments.contains { exceeds(expression: $0.value, remaining: next) }
        || closures.contains { exceeds(closure: $0.closure, remaining: next) }
    case .subscript(let base, let arguments, _):
      return exceeds(expression: base, remaining: next) || arguments.contains { exceeds(expression: $0.value, remaining: next) }
    case .macroExpansion(_, let arguments, let closures, _):
      return arguments.contains { exceeds(expression: $0.value, remaining: next) }
        || closures.contains { exceeds(closure: $0.closure, remaining: next) }
    case .closure(let closure):
      return exceeds(closure: closure, remaining: next)
    }
  }

  private static func exceeds(closure: ClosureExpression, remaining: Int) -> Bool {
    exceeds(statements: closure.body, remaining: remaining)
  }

  private static func exceeds(statements: [Statement], remaining: Int) -> Bool {
    if remaining <= 0 { return !statements.isEmpty }
    return statements.contains { exceeds(statement: $0, remaining: remaining - 1) }
  }

  private static func exceeds(conditions: [Condition], remaining: Int) -> Bool {
    conditions.contains { condition in
      switch condition {
      case .expression(let expression):
        return exceeds(expression: expression, remaining: remaining)
      case .optionalBinding(_, _, _, let value, _):
        return value.map { exceeds(expression: $0, remaining: remaining) } ?? false
      case .casePattern, .availability:
        return false
      }
    }
  }

  private static func exceeds(ifStatement: IfStatement, remaining: Int) -> Bool {
    if remaining <= 0 { return true }
    if exceeds(conditions: ifStatement.conditions, remaining: remaining)
      || exceeds(statements: ifStatement.body, remaining: remaining)
    {
      return true
    }
    switch ifStatement.elseBranch {
    case .elseIf(let nested): return exceeds(ifStatement: nested, remaining: remaining - 1)
    case .block(let block): return exceeds(statements: block, remaining: remaining)
    case nil: return false
    }
  }

  private static func exceeds(statement: Statement, remaining: Int) -> Bool {
    if remaining <= 0 { return true }
    switch statement {
    case .expression(let expression), .throw(let expression, _):
      return exceeds(expression: expression, remaining: remaining)
    case .variable(let declaration):
      return declaration.bindings.contains { binding in
        binding.initializer.map { exceeds(expression: $0, remaining: remaining) } ?? false
      }
    case .assignment(let target, _, let value, _):
      return exceeds(expression: target, remaining: remaining) || exceeds(expression: value, remaining: remaining)
    case .if(let ifStatement):
      return exceeds(ifStatement: ifStatement, remaining: remaining)
    case .guard(let conditions, let body, _), .while(_, let conditions, let body, _):
      return exceeds(conditions: conditions, remaining: remaining) || exceeds(statements: body, remaining: remaining)
    case .repeatWhile(_, let body, let condition, _):
      return exceeds(statements: body, remaining: remaining) || exceeds(expression: condition, remaining: remaining)
    case .forIn(_, _, let sequence, let filter, let body, _):
      return exceeds(expression: sequence, remaining: remaining)
        || (filter.map { exceeds(expression: $0, remaining: remaining) } ?? false)
        || exceeds(statements: body, remaining: remaining)
    case .switch(_, let subject, let cases, _):
      return exceeds(expression: subject, remaining: remaining)
        || cases.contains { exceeds(statements: $0.body, remaining: remaining) }
    case .return(let value, _):
      return value.map { exceeds(expression: $0, remaining: remaining) } ?? false
    case .defer(let body, _):
      return exceeds(statements: body, remaining: remaining)
    case .do(_, let body, let catches, _):
      return exceeds(statements: body, remaining: remaining)
        || catches.contains { exceeds(statements: $0.body, remaining: remaining) }
    case .function(let function):
      return function.body.map { exceeds(statements: $0, remaining: remaining) } ?? false
    case .break, .continue, .fallthrough, .other:
      return false
    }
  }
}
