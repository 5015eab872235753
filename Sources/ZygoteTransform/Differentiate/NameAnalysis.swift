// Which names an expression reads, and which names a statement declares, assigns and reads.
// The differentiator decides activity and what to save for the backward pass from these sets:
// it works on syntax alone, so every set is conservative (a name that might be read is read).

extension Expression {
  /// The source range of the expression.
  var range: SourceRange { Parser.range(of: self) }

  /// Every identifier the expression reads, including inside closures and string interpolations
  /// it cannot see into (those are scanned as text).
  var namesRead: Set<String> {
    var names = Set<String>()
    collectNamesRead(into: &names)
    return names
  }

  func collectNamesRead(into names: inout Set<String>) {
    switch self {
    case .identifier(let name, _):
      names.insert(name)
    case .integerLiteral, .floatLiteral, .booleanLiteral, .nilLiteral, .implicitMember, .discard:
      break
    case .stringLiteral(let text, _), .keyPath(let text, _), .unknown(let text, _):
      names.formUnion(identifierLikeWords(in: text))
    case .arrayLiteral(let elements, _):
      for element in elements { element.collectNamesRead(into: &names) }
    case .dictionaryLiteral(let elements, _):
      for element in elements {
        element.key.collectNamesRead(into: &names)
        element.value.collectNamesRead(into: &names)
      }
    case .tuple(let elements, _):
      for element in elements { element.value.collectNamesRead(into: &names) }
    case .parenthesized(let inner, _), .prefixOperator(_, let inner, _), .postfixOperator(_, let inner, _),
      .optionalChain(let inner, _), .forceUnwrap(let inner, _), .cast(let inner, _, _, _),
      .try(let inner, _, _), .await(let inner, _):
      inner.collectNamesRead(into: &names)
    case .binaryOperator(_, let left, let right, _):
      left.collectNamesRead(into: &names)
      right.collectNamesRead(into: &names)
    case .ternary(let condition, let then, let otherwise, _):
      condition.collectNamesRead(into: &names)
      then.collectNamesRead(into: &names)
      otherwise.collectNamesRead(into: &names)
    case .call(let callee, let arguments, let trailing, _):
      callee.collectNamesRead(into: &names)
      for argument in arguments { argument.value.collectNamesRead(into: &names) }
      for closure in trailing { closure.closure.collectNamesRead(into: &names) }
    case .macroExpansion(_, let arguments, let trailing, _):
      for argument in arguments { argument.value.collectNamesRead(into: &names) }
      for closure in trailing { closure.closure.collectNamesRead(into: &names) }
    case .subscript(let base, let arguments, _):
      base.collectNamesRead(into: &names)
      for argument in arguments { argument.value.collectNamesRead(into: &names) }
    case .member(let base, _, _):
      base.collectNamesRead(into: &names)
    case .closure(let closure):
      closure.collectNamesRead(into: &names)
    }
  }
}

extension ClosureExpression {
  func collectNamesRead(into names: inout Set<String>) {
    var inner = Set<String>()
    for statement in body { statement.collectNamesRead(into: &inner) }
    inner.subtract(parameters.map(\.name))
    names.formUnion(inner)
  }
}

/// The identifier-like words of a text the parser keeps whole, so that a name read inside it is
/// never missed.
func identifierLikeWords(in text: String) -> Set<String> {
  IdentifierScan.words(in: text).filter { word in !(word.utf8.first.map { $0 >= 48 && $0 <= 57 } ?? true) }
}

extension Pattern {
  /// The names the pattern binds.
  var boundNames: [String] {
    switch self {
    case .identifier(let name, _): return [name]
    case .wildcard: return []
    case .tuple(let elements, _): return elements.flatMap(\.pattern.boundNames)
    case .typed(let inner, _, _): return inner.boundNames
    case .other(_, let names, _): return names
    }
  }
}

extension Condition {
  func collectNamesRead(into names: inout Set<String>) {
    switch self {
    case .expression(let expression):
      expression.collectNamesRead(into: &names)
    case .optionalBinding(_, let pattern, _, let value, _):
      if let value { value.collectNamesRead(into: &names) } else { names.formUnion(pattern.boundNames) }
    case .casePattern(let text, _, _), .availability(let text, _):
      names.formUnion(identifierLikeWords(in: text))
    }
  }

  var boundNames: [String] {
    switch self {
    case .expression, .availability: return []
    case .optionalBinding(_, let pattern, _, _, _): return pattern.boundNames
    case .casePattern(_, let names, _): return names
    }
  }

  var bindsNames: Bool { !boundNames.isEmpty }
}

extension Statement {
  /// Every name the statement (and its nested statements) reads.
  var namesRead: Set<String> {
    var names = Set<String>()
    collectNamesRead(into: &names)
    return names
  }

  func collectNamesRead(into names: inout Set<String>) {
    switch self {
    case .expression(let expression), .throw(let expression, _):
      expression.collectNamesRead(into: &names)
    case .return(let expression, _):
      expression?.collectNamesRead(into: &names)
    case .variable(let declaration):
      for binding in declaration.bindings { binding.initializer?.collectNamesRead(into: &names) }
    case .assignment(let target, let op, let value, _):
      value.collectNamesRead(into: &names)
      if op != "=" {
        target.collectNamesRead(into: &names)
      } else {
        // `a[i] = v` reads `i` (and `a`, whose other elements survive).
        if case .identifier = target {} else { target.collectNamesRead(into: &names) }
      }
    case .if(let statement):
      statement.collectNamesRead(into: &names)
    case .guard(let conditions, let body, _):
      for condition in conditions { condition.collectNamesRead(into: &names) }
      for statement in body { statement.collectNamesRead(into: &names) }
    case .while(_, let conditions, let body, _):
      for condition in conditions { condition.collectNamesRead(into: &names) }
      for statement in body { statement.collectNamesRead(into: &names) }
    case .repeatWhile(_, let body, let condition, _):
      condition.collectNamesRead(into: &names)
      for statement in body { statement.collectNamesRead(into: &names) }
    case .forIn(_, _, let sequence, let filter, let body, _):
      sequence.collectNamesRead(into: &names)
      filter?.collectNamesRead(into: &names)
      for statement in body { statement.collectNamesRead(into: &names) }
    case .switch(_, let subject, let cases, _):
      subject.collectNamesRead(into: &names)
      for switchCase in cases {
        if let text = switchCase.patternText { names.formUnion(identifierLikeWords(in: text)) }
        for statement in switchCase.body { statement.collectNamesRead(into: &names) }
      }
    case .defer(let body, _):
      for statement in body { statement.collectNamesRead(into: &names) }
    case .do(_, let body, let catches, _):
      for statement in body { statement.collectNamesRead(into: &names) }
      for clause in catches { for statement in clause.body { statement.collectNamesRead(into: &names) } }
    case .function(let function):
      for statement in function.body ?? [] { statement.collectNamesRead(into: &names) }
    case .other(let text, _):
      names.formUnion(identifierLikeWords(in: text))
    case .break, .continue, .fallthrough:
      break
    }
  }

  /// The names of variables the statement assigns (the base variable of `a[i] = v` and `p.x = v`).
  var namesAssigned: Set<String> {
    var names = Set<String>()
    forEachStatement { statement in
      if case .assignment(let target, _, _, _) = statement, let base = target.baseVariable { names.insert(base) }
      if case .expression(let expression) = statement {
        names.formUnion(expression.namesPassedInout)
        if case .call(.member(let base, let method, _), _, _, _) = expression, Self.mutatingMethods.contains(method),
          let variable = base.baseVariable
        {
          names.insert(variable)
        }
      }
    }
    return names
  }

  /// Methods that change the value they are called on.
  static let mutatingMethods: Set<String> = [
    "append", "insert", "remove", "removeLast", "removeFirst", "removeAll", "swapAt", "sort", "reverse", "shuffle",
  ]

  /// The names the statement declares at any depth (variables, loop and binding patterns).
  var namesDeclared: Set<String> {
    var names = Set<String>()
    forEachStatement { statement in
      switch statement {
      case .variable(let declaration):
        for binding in declaration.bindings { names.formUnion(binding.pattern.boundNames) }
      case .forIn(_, let pattern, _, _, _, _):
        names.formUnion(pattern.boundNames)
      case .if(let statement):
        for condition in statement.allConditions { names.formUnion(condition.boundNames) }
      case .guard(let conditions, _, _), .while(_, let conditions, _, _):
        for condition in conditions { names.formUnion(condition.boundNames) }
      case .switch(_, _, let cases, _):
        for switchCase in cases { names.formUnion(switchCase.boundNames) }
      case .function(let function):
        names.insert(function.name)
      default:
        break
      }
    }
    return names
  }

  /// Calls `visit` on this statement and every statement nested in it (not inside closures).
  func forEachStatement(_ visit: (Statement) -> Void) {
    visit(self)
    for child in childBlocks.joined() { child.forEachStatement(visit) }
  }

  /// The statement lists directly nested in this statement.
  var childBlocks: [[Statement]] {
    switch self {
    case .if(let statement): return statement.blocks
    case .guard(_, let body, _), .while(_, _, let body, _), .repeatWhile(_, let body, _, _),
      .forIn(_, _, _, _, let body, _), .defer(let body, _):
      return [body]
    case .switch(_, _, let cases, _): return cases.map(\.body)
    case .do(_, let body, let catches, _): return [body] + catches.map(\.body)
    default: return []
    }
  }

  var isLoop: Bool {
    switch self {
    case .while, .repeatWhile, .forIn: return true
    default: return false
    }
  }

  var label: String? {
    switch self {
    case .while(let label, _, _, _), .repeatWhile(let label, _, _, _), .forIn(let label, _, _, _, _, _),
      .switch(let label, _, _, _), .do(let label, _, _, _):
      return label
    default:
      return nil
    }
  }
}

extension IfStatement {
  /// The bodies of every branch, `else if` chains flattened.
  var blocks: [[Statement]] {
    var result = [body]
    switch elseBranch {
    case .elseIf(let next): result += next.blocks
    case .block(let statements): result.append(statements)
    case nil: break
    }
    return result
  }

  /// The conditions of every branch, `else if` chains flattened.
  var allConditions: [Condition] {
    var result = conditions
    if case .elseIf(let next) = elseBranch { result += next.allConditions }
    return result
  }

  func collectNamesRead(into names: inout Set<String>) {
    for condition in allConditions { condition.collectNamesRead(into: &names) }
    for statement in blocks.joined() { statement.collectNamesRead(into: &names) }
  }
}

extension Expression {
  /// The variable at the root of an assignment target: `a` for `a`, `a[i]`, `a.b.c`, `a[i].x`.
  var baseVariable: String? {
    switch self {
    case .identifier(let name, _): return name
    case .subscript(let base, _, _), .member(let base, _, _), .forceUnwrap(let base, _),
      .optionalChain(let base, _), .parenthesized(let base, _):
      return base.baseVariable
    default: return nil
    }
  }

  /// Names passed as `&name` arguments (mutated by the callee).
  var namesPassedInout: Set<String> {
    var names = Set<String>()
    func visit(_ expression: Expression) {
      switch expression {
      case .prefixOperator("&", let operand, _):
        if let base = operand.baseVariable { names.insert(base) }
      case .call(let callee, let arguments, _, _):
        visit(callee)
        for argument in arguments { visit(argument.value) }
      case .member(let base, _, _):
        visit(base)
      default:
        break
      }
    }
    visit(self)
    return names
  }
}

extension Expression {
  /// The names whose derivative can flow into the expression's value: `namesRead` without the
  /// names read only by inactive parts (`xs.count`, `i < n`, array indices, `Int(x)`,
  /// `dropgrad(x)`, a ternary's condition).
  var differentiableNamesRead: Set<String> {
    switch self {
    case .identifier(let name, _):
      return [name]
    case .member(let base, let name, _):
      return RuleNames.inactiveMembers.contains(name) ? [] : base.differentiableNamesRead
    case .binaryOperator(let op, let left, let right, _):
      return RuleNames.inactiveOperators.contains(op) ? [] : left.differentiableNamesRead.union(right.differentiableNamesRead)
    case .prefixOperator(let op, let operand, _):
      return op == "!" || op == "~" ? [] : operand.differentiableNamesRead
    case .call(.identifier(let name, _), let arguments, let trailing, _):
      if RuleNames.inactiveCallees.contains(name) { return [] }
      var names = Set<String>()
      for argument in arguments { names.formUnion(argument.value.differentiableNamesRead) }
      for closure in trailing { closure.closure.collectNamesRead(into: &names) }
      return names
    case .call(.member(let base, let name, _), let arguments, let trailing, _):
      if RuleNames.inactiveMembers.contains(name) { return [] }
      var names = base.differentiableNamesRead
      for argument in arguments { names.formUnion(argument.value.differentiableNamesRead) }
      for closure in trailing { closure.closure.collectNamesRead(into: &names) }
      return names
    case .call(let callee, let arguments, let trailing, _):
      var names = callee.differentiableNamesRead
      for argument in arguments { names.formUnion(argument.value.differentiableNamesRead) }
      for closure in trailing { closure.closure.collectNamesRead(into: &names) }
      return names
    case .subscript(let base, let arguments, _):
      // `d[k, default: e]` may give the value of `e`.
      var names = base.differentiableNamesRead
      for argument in arguments where argument.label == "default" { names.formUnion(argument.value.differentiableNamesRead) }
      return names
    case .ternary(_, let then, let otherwise, _):
      return then.differentiableNamesRead.union(otherwise.differentiableNamesRead)
    case .arrayLiteral(let elements, _):
      // `[1, xs.count]` holds no derivative even though it reads `xs`.
      return elements.reduce(into: Set<String>()) { $0.formUnion($1.differentiableNamesRead) }
    case .tuple(let elements, _):
      return elements.reduce(into: Set<String>()) { $0.formUnion($1.value.differentiableNamesRead) }
    case .parenthesized(let inner, _), .cast(let inner, _, _, _), .forceUnwrap(let inner, _),
      .optionalChain(let inner, _), .try(let inner, _, _), .await(let inner, _), .postfixOperator(_, let inner, _):
      return inner.differentiableNamesRead
    case .integerLiteral, .floatLiteral, .booleanLiteral, .nilLiteral, .implicitMember, .discard, .stringLiteral, .keyPath:
      return []
    default:
      return namesRead
    }
  }
}

extension Expression {
  /// The names called as functions (`m(x)`): a differentiated variable called this way is a
  /// value with a `callAsFunction`, whose derivative flows into the call's value.
  var calleeNames: Set<String> {
    var names = Set<String>()
    forEachSubexpression { expression in
      if case .call(.identifier(let name, _), _, _, _) = expression { names.insert(name) }
    }
    return names
  }
}
