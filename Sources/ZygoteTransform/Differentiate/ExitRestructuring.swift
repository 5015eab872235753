// Moves early exits (`return`, `break`, `continue`, `guard`) to the ends of branches, so that the
// backward pass of a block never has to stop half-way through it.
//
//     guard c else { return a }          if c {
//     s = s * 2                    =>      s = s * 2
//     return s                             return s
//                                        } else {
//                                          return a
//                                        }
//
// The statements after an `if` that may exit are copied into each of its branches that does
// not; copies are made once per path, so deeply nested exits can grow the code (never the run
// time).

/// Which statements end the block being restructured.
enum ExitScope: Equatable {
  /// A function or closure body: `return` and `throw` exit.
  case function
  /// A loop body: `continue`, and `break` outside a nested `switch`, with no label or with the
  /// loop's label.
  case loop(label: String?)
  /// A `switch` case body: an unlabelled `break` exits (as do `continue` and labelled exits of
  /// the enclosing loop, which the loop level handles).
  case switchCase

  /// Whether `statement` exits this scope when it appears directly (not inside a nested loop).
  func isExit(_ statement: Statement, insideSwitch: Bool) -> Bool {
    switch (self, statement) {
    case (.function, .return), (.function, .throw):
      return true
    case (.loop(let loopLabel), .break(let label, _)):
      return label == nil ? !insideSwitch : label == loopLabel
    case (.loop(let loopLabel), .continue(let label, _)):
      return label == nil || label == loopLabel
    case (.switchCase, .break(nil, _)):
      return !insideSwitch
    default:
      return false
    }
  }
}

enum ExitRestructuring {
  /// Restructures `statements` so that every exit of `scope` is the last statement of its block.
  static func restructure(_ statements: [Statement], scope: ExitScope) -> [Statement] {
    restructure(statements[...], scope: scope, depth: 0)
  }

  private static func restructure(_ statements: ArraySlice<Statement>, scope: ExitScope, depth: Int) -> [Statement] {
    var prefix: [Statement] = []
    var index = statements.startIndex
    while index < statements.endIndex {
      let statement = statements[index]
      let rest = statements[(index + 1)...]
      if scope.isExit(statement, insideSwitch: false) {
        return prefix + [statement]
      }
      switch statement {
      case .guard(let conditions, let elseBody, let range):
        let rewritten = IfStatement(
          conditions: conditions, body: restructure(rest, scope: scope, depth: depth + 1),
          elseBranch: .block(restructure(elseBody[...], scope: scope, depth: depth + 1)), range: range)
        return prefix + [.if(rewritten)]
      case .if(let ifStatement) where containsExit(statement, scope: scope):
        return prefix + [.if(distribute(rest, into: ifStatement, scope: scope, depth: depth))]
      case .switch(let label, let subject, let cases, let range) where containsExit(statement, scope: scope):
        let newCases = cases.map { switchCase -> SwitchCase in
          var copy = switchCase
          let body = alwaysExits(switchCase.body, scope: scope, insideSwitch: true) ? switchCase.body : switchCase.body + Array(rest)
          copy.body = restructureCaseBody(body, scope: scope, depth: depth)
          return copy
        }
        return prefix + [.switch(label: label, subject: subject, cases: newCases, range: range)]
      default:
        prefix.append(statement)
      }
      index += 1
    }
    return prefix
  }

  /// A case body copied with the rest of the enclosing block: exits of the enclosing scope are
  /// restructured; `break`s that leave the switch stay as they are.
  private static func restructureCaseBody(_ body: [Statement], scope: ExitScope, depth: Int) -> [Statement] {
    restructure(body[...], scope: scope, depth: depth + 1)
  }

  private static func distribute(_ rest: ArraySlice<Statement>, into statement: IfStatement, scope: ExitScope, depth: Int) -> IfStatement {
    var copy = statement
    let body = alwaysExits(statement.body, scope: scope, insideSwitch: false) ? statement.body : statement.body + Array(rest)
    copy.body = restructure(body[...], scope: scope, depth: depth + 1)
    switch statement.elseBranch {
    case .elseIf(let next):
      copy.elseBranch = .elseIf(distribute(rest, into: next, scope: scope, depth: depth))
    case .block(let elseBody):
      let body = alwaysExits(elseBody, scope: scope, insideSwitch: false) ? elseBody : elseBody + Array(rest)
      copy.elseBranch = .block(restructure(body[...], scope: scope, depth: depth + 1))
    case nil:
      copy.elseBranch = .block(restructure(rest, scope: scope, depth: depth + 1))
    }
    return copy
  }

  /// Whether some path through `statement` exits `scope` (not counting exits of nested loops).
  static func containsExit(_ statement: Statement, scope: ExitScope, insideSwitch: Bool = false) -> Bool {
    if scope.isExit(statement, insideSwitch: insideSwitch) { return true }
    switch statement {
    case .guard:
      return true
    case .if(let ifStatement):
      return ifStatement.blocks.joined().contains { containsExit($0, scope: scope, insideSwitch: insideSwitch) }
    case .switch(_, _, let cases, _):
      return cases.flatMap(\.body).contains { containsExit($0, scope: scope, insideSwitch: true) }
    case .do(_, let body, _, _):
      return body.contains { containsExit($0, scope: scope, insideSwitch: insideSwitch) }
    default:
      return false
    }
  }

  /// Whether every path through `block` ends in an exit of `scope`.
  static func alwaysExits(_ block: [Statement], scope: ExitScope, insideSwitch: Bool) -> Bool {
    guard let last = block.last else { return false }
    if scope.isExit(last, insideSwitch: insideSwitch) { return true }
    switch last {
    case .if(let ifStatement):
      guard ifStatement.hasFinalElse else { return false }
      return ifStatement.blocks.allSatisfy { alwaysExits($0, scope: scope, insideSwitch: insideSwitch) }
    case .switch(_, _, let cases, _):
      return cases.allSatisfy { alwaysExits($0.body, scope: scope, insideSwitch: true) }
    case .guard:
      return false
    default:
      return false
    }
  }
}

extension IfStatement {
  /// Whether the `else if` chain ends in a plain `else`.
  var hasFinalElse: Bool {
    switch elseBranch {
    case .block: return true
    case .elseIf(let next): return next.hasFinalElse
    case nil: return false
    }
  }
}

/// `return` inside a loop: the loop stores the value, raises a flag and breaks; after the loop,
/// the flag returns the stored value.
///
///     for i in 0..<n {                    var _ad_returned1 = false
///       if c { return e }                 var _ad_return1: Double = 0
///       ...                        =>     _ad_loop1: for i in 0..<n {
///     }                                     if c { _ad_return1 = e; _ad_returned1 = true; break _ad_loop1 }
///     rest                                  ...
///                                         }
///                                         if _ad_returned1 { return _ad_return1 }
///                                         rest
///
/// The stored value needs the function's result type and a literal `0` of it (Double, Float,
/// generic floating point). A `return` inside a loop nested in the loop is left for the
/// differentiator to refuse (it would leave two loops).
enum LoopReturnRewriting {
  static func rewrite(_ statements: [Statement], resultType: String) -> [Statement] {
    var counter = 0
    return rewrite(statements, resultType: resultType, counter: &counter)
  }

  private static func rewrite(_ statements: [Statement], resultType: String, counter: inout Int) -> [Statement] {
    var result: [Statement] = []
    for statement in statements {
      guard statement.isLoop, statement.containsReturn else {
        if statement.isLoop {
          result.append(statement)
        } else {
          result.append(statement.mapBlocks { rewrite($0, resultType: resultType, counter: &counter) })
        }
        continue
      }
      counter += 1
      let flag = "_ad_returned\(counter)"
      let value = "_ad_return\(counter)"
      let label = statement.label ?? "_ad_loop\(counter)"
      func replaceReturns(_ block: [Statement]) -> [Statement] {
        block.flatMap { inner -> [Statement] in
          if case .return(let returned?, let range) = inner {
            return [
              .assignment(target: .identifier(name: value, range: .synthesized), operator: "=", value: returned, range: range),
              .assignment(target: .identifier(name: flag, range: .synthesized), operator: "=", value: .booleanLiteral(value: true, range: .synthesized), range: .synthesized),
              .break(label: label, range: .synthesized),
            ]
          }
          if inner.isLoop { return [inner] }
          return [inner.mapBlocks(replaceReturns)]
        }
      }
      let loop = statement.mapBlocks(replaceReturns).relabeled(label)
      func declaration(_ name: String, type: TypeSyntax?, initializer: Expression) -> Statement {
        .variable(VariableDeclaration(attributes: [], modifiers: [], isVariable: true, bindings: [
          PatternBinding(pattern: .identifier(name: name, range: .synthesized), type: type, initializer: initializer, accessors: nil, range: .synthesized)
        ], range: .synthesized))
      }
      result.append(declaration(flag, type: nil, initializer: .booleanLiteral(value: false, range: .synthesized)))
      result.append(declaration(value, type: .named(resultType), initializer: .integerLiteral(text: "0", range: .synthesized)))
      result.append(loop)
      result.append(.if(IfStatement(
        conditions: [.expression(.identifier(name: flag, range: .synthesized))],
        body: [.return(.identifier(name: value, range: .synthesized), range: .synthesized)], elseBranch: nil,
        range: .synthesized)))
    }
    return result
  }
}

extension Statement {
  /// The loop with `label` (other statements unchanged).
  func relabeled(_ label: String) -> Statement {
    switch self {
    case .forIn(_, let pattern, let sequence, let filter, let body, let range):
      return .forIn(label: label, pattern: pattern, sequence: sequence, whereClause: filter, body: body, range: range)
    case .while(_, let conditions, let body, let range):
      return .while(label: label, conditions: conditions, body: body, range: range)
    case .repeatWhile(_, let body, let condition, let range):
      return .repeatWhile(label: label, body: body, condition: condition, range: range)
    default:
      return self
    }
  }
}
