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
