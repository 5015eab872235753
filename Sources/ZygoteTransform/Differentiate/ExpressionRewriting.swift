// Rewriting expressions inside statements: used to replace loop-invariant rule calls with the
// name of their hoisted value.

extension Expression {
  /// A copy in which every subexpression for which `transform` returns a replacement is replaced
  /// (outermost first; a replaced subexpression is not visited further). Closures are left alone.
  func replacing(_ transform: (Expression) -> Expression?) -> Expression {
    if let replacement = transform(self) { return replacement }
    func map(_ e: Expression) -> Expression { e.replacing(transform) }
    func mapArguments(_ arguments: [Argument]) -> [Argument] {
      arguments.map { Argument(label: $0.label, value: map($0.value), range: $0.range) }
    }
    switch self {
    case .arrayLiteral(let elements, let range):
      return .arrayLiteral(elements: elements.map(map), range: range)
    case .dictionaryLiteral(let elements, let range):
      return .dictionaryLiteral(elements: elements.map { DictionaryElement(key: map($0.key), value: map($0.value)) }, range: range)
    case .tuple(let elements, let range):
      return .tuple(elements: mapArguments(elements), range: range)
    case .parenthesized(let inner, let range):
      return .parenthesized(map(inner), range: range)
    case .prefixOperator(let op, let operand, let range):
      return .prefixOperator(operator: op, operand: map(operand), range: range)
    case .postfixOperator(let op, let operand, let range):
      return .postfixOperator(operator: op, operand: map(operand), range: range)
    case .binaryOperator(let op, let left, let right, let range):
      return .binaryOperator(operator: op, left: map(left), right: map(right), range: range)
    case .ternary(let condition, let then, let otherwise, let range):
      return .ternary(condition: map(condition), then: map(then), else: map(otherwise), range: range)
    case .call(let callee, let arguments, let trailing, let range):
      return .call(callee: map(callee), arguments: mapArguments(arguments), trailingClosures: trailing, range: range)
    case .subscript(let base, let arguments, let range):
      return .subscript(base: map(base), arguments: mapArguments(arguments), range: range)
    case .member(let base, let name, let range):
      return .member(base: map(base), name: name, range: range)
    case .optionalChain(let inner, let range):
      return .optionalChain(map(inner), range: range)
    case .forceUnwrap(let inner, let range):
      return .forceUnwrap(map(inner), range: range)
    case .cast(let inner, let kind, let type, let range):
      return .cast(map(inner), kind: kind, type: type, range: range)
    case .try(let inner, let kind, let range):
      return .try(map(inner), kind: kind, range: range)
    case .await(let inner, let range):
      return .await(map(inner), range: range)
    default:
      return self
    }
  }

  /// Calls `visit` on this expression and every subexpression (not inside closures), outermost
  /// first: the same nodes `replacing` visits, without building a copy of the tree.
  func forEachSubexpression(_ visit: (Expression) -> Void) {
    visit(self)
    switch self {
    case .arrayLiteral(let elements, _):
      for element in elements { element.forEachSubexpression(visit) }
    case .dictionaryLiteral(let elements, _):
      for element in elements {
        element.key.forEachSubexpression(visit)
        element.value.forEachSubexpression(visit)
      }
    case .tuple(let elements, _):
      for element in elements { element.value.forEachSubexpression(visit) }
    case .parenthesized(let inner, _), .prefixOperator(_, let inner, _), .postfixOperator(_, let inner, _),
      .member(let inner, _, _), .optionalChain(let inner, _), .forceUnwrap(let inner, _), .cast(let inner, _, _, _),
      .try(let inner, _, _), .await(let inner, _):
      inner.forEachSubexpression(visit)
    case .binaryOperator(_, let left, let right, _):
      left.forEachSubexpression(visit)
      right.forEachSubexpression(visit)
    case .ternary(let condition, let then, let otherwise, _):
      condition.forEachSubexpression(visit)
      then.forEachSubexpression(visit)
      otherwise.forEachSubexpression(visit)
    case .call(let callee, let arguments, _, _):
      callee.forEachSubexpression(visit)
      for argument in arguments { argument.value.forEachSubexpression(visit) }
    case .subscript(let base, let arguments, _):
      base.forEachSubexpression(visit)
      for argument in arguments { argument.value.forEachSubexpression(visit) }
    default:
      break
    }
  }
}

extension Condition {
  func replacing(_ transform: (Expression) -> Expression?) -> Condition {
    switch self {
    case .expression(let expression):
      return .expression(expression.replacing(transform))
    case .optionalBinding(let isVariable, let pattern, let type, let value, let range):
      return .optionalBinding(isVariable: isVariable, pattern: pattern, type: type, value: value?.replacing(transform), range: range)
    default:
      return self
    }
  }
}

extension Statement {
  /// A copy with `transform` applied to every expression of the statement and its nested blocks.
  func replacingExpressions(_ transform: (Expression) -> Expression?) -> Statement {
    func map(_ e: Expression) -> Expression { e.replacing(transform) }
    func mapBlock(_ block: [Statement]) -> [Statement] { block.map { $0.replacingExpressions(transform) } }
    switch self {
    case .expression(let expression):
      return .expression(map(expression))
    case .variable(var declaration):
      declaration.bindings = declaration.bindings.map { binding in
        var copy = binding
        copy.initializer = binding.initializer.map(map)
        return copy
      }
      return .variable(declaration)
    case .assignment(let target, let op, let value, let range):
      return .assignment(target: map(target), operator: op, value: map(value), range: range)
    case .if(let statement):
      return .if(statement.replacingExpressions(transform))
    case .guard(let conditions, let body, let range):
      return .guard(conditions: conditions.map { $0.replacing(transform) }, elseBody: mapBlock(body), range: range)
    case .while(let label, let conditions, let body, let range):
      return .while(label: label, conditions: conditions.map { $0.replacing(transform) }, body: mapBlock(body), range: range)
    case .repeatWhile(let label, let body, let condition, let range):
      return .repeatWhile(label: label, body: mapBlock(body), condition: map(condition), range: range)
    case .forIn(let label, let pattern, let sequence, let filter, let body, let range):
      return .forIn(label: label, pattern: pattern, sequence: map(sequence), whereClause: filter.map(map), body: mapBlock(body), range: range)
    case .switch(let label, let subject, let cases, let range):
      return .switch(label: label, subject: map(subject), cases: cases.map { var c = $0; c.body = mapBlock(c.body); return c }, range: range)
    case .return(let value, let range):
      return .return(value.map(map), range: range)
    case .throw(let value, let range):
      return .throw(map(value), range: range)
    default:
      return mapBlocks(mapBlock)
    }
  }

  /// Calls `visit` on every expression of the statement and its nested blocks.
  func forEachExpression(_ visit: (Expression) -> Void) {
    _ = replacingExpressions { expression in
      visit(expression)
      return nil
    }
  }
}

extension IfStatement {
  func replacingExpressions(_ transform: (Expression) -> Expression?) -> IfStatement {
    var copy = self
    copy.conditions = conditions.map { $0.replacing(transform) }
    copy.body = body.map { $0.replacingExpressions(transform) }
    switch elseBranch {
    case .elseIf(let next): copy.elseBranch = .elseIf(next.replacingExpressions(transform))
    case .block(let statements): copy.elseBranch = .block(statements.map { $0.replacingExpressions(transform) })
    case nil: break
    }
    return copy
  }
}
