// `if`, `switch` and loops: run as written in the forward pass, replayed in the backward pass.
//
//     var _ad_b3 = -1                      switch _ad_b3 {
//     if c {                               case 0:
//       _ad_b3 = 0                           var s = _ad_s3_s
//       s = sin(s)              =>            <branch 0, differentiated as a block>
//     } else { ... }                       ...
//                                          }
//
//     let _ad_seq4 = 0..<n                 for _ad_it4 in _ad_tape4.reversed() {
//     var _ad_tape4 = _tape(...)             let i = _ad_it4.0
//     for _ad_el4 in _ad_seq4 {              var s = _ad_it4.1
//       let i = _ad_el4                      <body, differentiated as a block>
//       _ad_tape4.push((_ad_el4, s))       }
//       <body as written>
//     }

extension Differentiator {
  func differentiateCompound(
    _ statement: Statement, returns: ReturnHandling, forward: inout Code, backward: inout Code,
    declaredActive: inout [String]
  ) {
    let containsReturn = statement.containsReturn
    if containsReturn, case .define(let name, let type, _) = returns {
      guard let type else {
        refuse("a closure that returns from inside '\(statement.keyword)' needs an explicit result type, e.g. '{ (x: Double) -> Double in ... }'", at: statement.range)
        return
      }
      forward.add("let \(name): \(type)")
    }
    guard isActiveStatement(statement) else {
      emitPlain(statement, returns: returns, into: &forward)
      return
    }
    var boundByConditions: [String] = []
    if case .if(let ifStatement) = statement { boundByConditions = ifStatement.allConditions.flatMap(\.boundNames) }
    if case .switch(_, _, let cases, _) = statement { boundByConditions = cases.flatMap(\.boundNames) }
    if let bound = boundByConditions.first(where: activeNames.contains) {
      refuse("binding the differentiated value '\(bound)' with a 'case' pattern, or with 'if let' of a computed optional, is not supported; bind the optional to a variable first, then use 'if let', '??' or '!'", at: statement.range)
      return
    }
    switch statement {
    case .if, .switch:
      differentiateBranches(statement, returns: returns, forward: &forward, backward: &backward)
    case .forIn, .while, .repeatWhile:
      if containsReturn {
        refuse("'return' inside a loop is not supported here, in a loop nested in another loop; assign to a variable and 'break'", at: statement.firstReturnRange ?? statement.range)
        return
      }
      let hoisted = hoistInvariantCalls(out: iteratingByIndex(statement), into: &forward, declaredActive: &declaredActive)
      var loopBackward = Code()
      differentiateLoop(hoisted.loop, forward: &forward, backward: &loopBackward)
      backward.add(loopBackward)
      for (name, lowered) in hoisted.values.reversed() { backpropagate(lowered, seed: adjointName(name), into: &backward) }
    default:
      emitPlain(statement, returns: returns, into: &forward)
    }
  }

  /// Emits a statement as written, with `return e` turned into an assignment of the result.
  private func emitPlain(_ statement: Statement, returns: ReturnHandling, into forward: inout Code) {
    switch returns {
    case .define(let name, _, _):
      forward.add(ASTPrinter.print([statement.replacingReturns(with: name)], indent: ""))
    case .backpropagate:
      // A replayed statement: its returns were differentiated already, only its path matters.
      forward.add(ASTPrinter.print([statement.removingReturns()], indent: ""))
    case .forbidden:
      forward.add(ASTPrinter.print([statement], indent: ""))
    }
  }

  private func savedNames(for statement: Statement) -> [String] {
    var touched = statement.namesRead.union(statement.namesAssigned)
    if case .forIn(_, let pattern, _, _, _, _) = statement { touched.subtract(pattern.boundNames) }
    return touched.intersection(visibleMutableNames).sorted()
  }

  // MARK: - Branches

  private func differentiateBranches(_ statement: Statement, returns: ReturnHandling, forward: inout Code, backward: inout Code) {
    let id = nextID()
    let branchVariable = "_ad_b\(id)"
    let saved = savedNames(for: statement)
    var numbered = statement
    var branches: [(conditions: [Condition], patternText: String?, body: [Statement])] = []
    switch statement {
    case .if(let ifStatement):
      var index = 0
      numbered = .if(ifStatement.numberingBranches(branchVariable, from: &index, collect: &branches))
    case .switch(let label, let subject, let cases, let range):
      let newCases = cases.enumerated().map { index, switchCase -> SwitchCase in
        var copy = switchCase
        copy.body = [.other(text: "\(branchVariable) = \(index)", range: .synthesized)] + switchCase.body
        branches.append(([], switchCase.patternText.map { "case \($0)" } ?? "default", switchCase.body))
        return copy
      }
      numbered = .switch(label: label, subject: subject, cases: newCases, range: range)
      if isStrictlyActive(subject) { refuse("switching on a differentiated value is not supported; switch on an integer or enum", at: subject.range) }
    default:
      break
    }

    let replayReturns: ReturnHandling
    switch returns {
    case .define(_, _, let seed), .backpropagate(let seed): replayReturns = .backpropagate(seed: seed)
    case .forbidden: replayReturns = .forbidden
    }
    var replay = Code()
    replay.add("switch \(branchVariable) {")
    for (index, branch) in branches.enumerated() {
      var body = Code()
      let touched = branch.body.reduce(into: Set<String>()) { names, statement in
        names.formUnion(statement.namesRead)
        names.formUnion(statement.namesAssigned)
      }.union(branch.conditions.reduce(into: Set<String>()) { $1.collectNamesRead(into: &$0) })
      let assigned = branch.body.reduce(into: Set<String>()) { $0.formUnion($1.namesAssigned) }
      let differentiated = differentiate(replayedBody(of: branch.body, in: statement), returns: replayReturns, inPlace: true).inPlace
      // Restore what the replayed branch reads: its code, and the conditions it evaluates again.
      var used = IdentifierScan.words(in: differentiated.render())
      if branch.conditions.contains(where: \.bindsNames) || statement.caseBindsNames(at: index) { used.formUnion(touched) }
      for name in saved where touched.contains(name) && used.contains(name) {
        body.add("\(assigned.contains(name) ? "var" : "let") \(name) = _ad_s\(id)_\(name)")
      }
      if let patternText = branch.patternText, case .switch(_, let subject, _, _) = statement,
        statement.caseBindsNames(at: index)
      {
        // Rebind the names the case pattern binds: the subject is evaluated again on restored state.
        var rebinding = Code()
        rebinding.add("switch \(subject.swiftSource) {")
        rebinding.add("\(patternText):")
        rebinding.add(differentiated, depth: 1)
        rebinding.add("default:")
        rebinding.add("  break")
        rebinding.add("}")
        body.add(rebinding)
      } else if branch.conditions.contains(where: \.bindsNames) {
        body.addBlock("if \(branch.conditions.map(\.swiftSource).joined(separator: ", ")) {", differentiated)
      } else {
        body.add(differentiated)
      }
      if body.isEmpty { body.add("break") }
      replay.add("case \(index):")
      replay.add(body, depth: 1)
    }
    replay.add("default:")
    replay.add("  break")
    replay.add("}")
    // Save, before the statement runs, what its replay restores.
    let restored = IdentifierScan.words(in: replay.render())
    for name in saved where restored.contains("_ad_s\(id)_\(name)") {
      forward.add("let _ad_s\(id)_\(name) = \(name)" + lineComment(statement.range))
    }
    forward.add("var \(branchVariable) = -1")
    emitPlain(numbered, returns: returns, into: &forward)
    backward.add(replay)
  }

  /// A branch's statements as the backward pass replays them: in a `switch`, a `break` ends the case.
  private func replayedBody(of body: [Statement], in statement: Statement) -> [Statement] {
    if case .switch = statement { return ExitRestructuring.restructure(body, scope: .switchCase) }
    return body
  }

  /// The last statement of a block replayed in place: the branch is differentiated where it is
  /// taken, with no plain run, no saved state and no recorded branch number.
  func differentiateBranchesWhereTaken(_ statement: Statement, returns: ReturnHandling) -> Code {
    let replayReturns: ReturnHandling
    switch returns {
    case .define(_, _, let seed), .backpropagate(let seed): replayReturns = .backpropagate(seed: seed)
    case .forbidden: replayReturns = .forbidden
    }
    var code = Code()
    switch statement {
    case .if(let ifStatement):
      var current: IfStatement? = ifStatement
      var keyword = "if"
      while let branch = current {
        let body = differentiate(branch.body, returns: replayReturns, inPlace: true).inPlace
        code.addBlock("\(keyword) \(branch.conditions.map(\.swiftSource).joined(separator: ", ")) {", body, closing: "}")
        current = nil
        switch branch.elseBranch {
        case .elseIf(let next):
          current = next
          keyword = "} else if"
          code.removeLastLine()
        case .block(let statements):
          code.removeLastLine()
          let elseBody = differentiate(statements, returns: replayReturns, inPlace: true).inPlace
          code.addBlock("} else {", elseBody, closing: "}")
        case nil:
          break
        }
      }
    case .switch(_, let subject, let cases, _):
      if isStrictlyActive(subject) { refuse("switching on a differentiated value is not supported; switch on an integer or enum", at: subject.range) }
      code.add("switch \(subject.swiftSource) {")
      for switchCase in cases {
        var body = differentiate(replayedBody(of: switchCase.body, in: statement), returns: replayReturns, inPlace: true).inPlace
        if body.isEmpty { body.add("break") }
        code.add(switchCase.patternText.map { "case \($0):" } ?? "default:")
        code.add(body, depth: 1)
      }
      code.add("}")
    default:
      break
    }
    return code
  }

  // MARK: - Loops

  /// `for x in xs` (and `for (i, x) in xs.enumerated()`) over a differentiated array variable
  /// becomes a loop over `xs.indices` that reads `xs[i]`, so that each element's gradient goes
  /// back to its place in the array's gradient.
  private func iteratingByIndex(_ statement: Statement) -> Statement {
    guard case .forIn(let label, let pattern, let sequence, let filter, let body, let range) = statement else { return statement }
    let array: String
    var indexPattern: Pattern
    let elementPattern: Pattern
    switch sequence {
    case .identifier(let name, _) where activeNames.contains(name) || isFreeVariable(name):
      // A free array's elements are implicit reads (a Tensor parameter gets its gradient).
      array = name
      indexPattern = .identifier(name: "_ad_k\(nextID())", range: .synthesized)
      elementPattern = pattern
    case .call(.member(.identifier(let name, _), "enumerated", _), let arguments, _, _) where (activeNames.contains(name) || isFreeVariable(name)) && arguments.isEmpty:
      guard case .tuple(let elements, _) = pattern, elements.count == 2 else { return statement }
      array = name
      indexPattern = elements[0].pattern
      elementPattern = elements[1].pattern
      if case .wildcard = indexPattern { indexPattern = .identifier(name: "_ad_k\(nextID())", range: .synthesized) }
    default:
      return statement
    }
    guard case .identifier(let index, _) = indexPattern else { return statement }
    let element = Expression.subscript(
      base: .identifier(name: array, range: .synthesized),
      arguments: [Argument(label: nil, value: .identifier(name: index, range: .synthesized), range: .synthesized)], range: .synthesized)
    var newBody: [Statement] = [
      .variable(VariableDeclaration(attributes: [], modifiers: [], isVariable: false, bindings: [
        PatternBinding(pattern: elementPattern, type: nil, initializer: element, accessors: nil, range: range)
      ], range: range))
    ]
    if let filter {
      newBody.append(.guard(conditions: [.expression(filter)], elseBody: [.continue(label: nil, range: .synthesized)], range: filter.range))
    }
    newBody += body
    return .forIn(
      label: label, pattern: indexPattern, sequence: .member(base: .identifier(name: array, range: .synthesized), name: "indices", range: sequence.range),
      whereClause: nil, body: newBody, range: range)
  }

  /// Computes rule calls that a loop repeats with unchanged arguments (`cos(x)` in a loop that
  /// never assigns `x`) once, before the loop: the loop as written and its replay then read the
  /// hoisted value, and the backward pass applies the call's pullback once, to the gradient the
  /// value gathered over all iterations. Only calls of `RuleNames.hoistableFunctions` qualify.
  private func hoistInvariantCalls(
    out loop: Statement, into forward: inout Code, declaredActive: inout [String]
  ) -> (loop: Statement, values: [(name: String, lowered: Lowered)]) {
    var changing = Set<String>()
    for block in loop.childBlocks {
      for statement in block {
        changing.formUnion(statement.namesAssigned)
        changing.formUnion(statement.namesDeclared)
      }
    }
    if case .forIn(_, let pattern, _, _, _, _) = loop { changing.formUnion(pattern.boundNames) }
    func isInvariant(_ expression: Expression) -> Bool {
      switch expression {
      case .identifier(let name, _): return !changing.contains(name) && name != "self" && !name.hasPrefix("$")
      case .integerLiteral, .floatLiteral: return true
      case .parenthesized(let inner, _), .prefixOperator("-", let inner, _): return isInvariant(inner)
      default: return false
      }
    }
    var candidates: [(text: String, expression: Expression)] = []
    for block in loop.childBlocks {
      for statement in block {
        statement.forEachExpression { expression in
          guard case .call(.identifier(let name, _), let arguments, let trailing, _) = expression,
            RuleNames.hoistableFunctions.contains(name), trailing.isEmpty, !arguments.isEmpty,
            arguments.allSatisfy({ $0.label == nil && isInvariant($0.value) }), isActive(expression)
          else { return }
          let text = expression.swiftSource
          if !candidates.contains(where: { $0.text == text }) { candidates.append((text, expression)) }
        }
      }
    }
    guard !candidates.isEmpty else { return (loop, []) }
    var values: [(name: String, lowered: Lowered)] = []
    var names: [String: String] = [:]
    for candidate in candidates {
      let lowered = lower(candidate.expression, into: &forward)
      let name = "_ad_h\(nextID())"
      forward.add("let \(name) = \(lowered.valueText)  // hoisted out of the loop: \(candidate.text)")
      activate(name)
      declaredActive.append(name)
      values.append((name, lowered))
      names[candidate.text] = name
    }
    let rewritten = loop.replacingExpressions { expression in
      guard case .call = expression, let name = names[expression.swiftSource] else { return nil }
      return .identifier(name: name, range: .synthesized)
    }
    return (rewritten, values)
  }

  private func differentiateLoop(_ statement: Statement, forward: inout Code, backward: inout Code) {
    let id = nextID()
    let tape = "_ad_tape\(id)"
    let item = "_ad_it\(id)"
    let body: [Statement]
    let label: String?
    switch statement {
    case .forIn(let l, _, _, _, let b, _), .while(let l, _, let b, _), .repeatWhile(let l, let b, _, _):
      body = b
      label = l
    default:
      return
    }
    checkExits(of: body, loopLabel: label)
    let assigned = body.reduce(into: Set<String>()) { $0.formUnion($1.namesAssigned) }
    var state = assigned.intersection(visibleMutableNames).sorted()
    if case .forIn(_, let pattern, _, _, _, _) = statement { state.removeAll(where: pattern.boundNames.contains) }
    // An array the loop only appends to (a desugared `map`) is not saved per iteration: the
    // replay needs only the appended values, whose gradients it takes off the array's gradient.
    let appendOnly = state.filter { name in
      let rest = body.map { $0.removingAppends(to: name) }
      return rest.allSatisfy { !$0.namesRead.contains(name) && !$0.namesAssigned.contains(name) }
    }
    state.removeAll(where: appendOnly.contains)
    let readOnly = savedNames(for: statement).filter { !state.contains($0) && !appendOnly.contains($0) }
    for name in readOnly { forward.add("let _ad_s\(id)_\(name) = \(name)" + lineComment(statement.range)) }
    let stateTuple = state.count == 1 ? state[0] : "(\(state.joined(separator: ", ")))"
    let labelText = label.map { "\($0): " } ?? ""
    let bodyText = ASTPrinter.print(body, indent: "")

    // Restores the state of one iteration from the tape entry `source`.
    func restoreState(from source: String) -> Code {
      var code = Code()
      if state.count == 1 {
        code.add("var \(state[0]) = \(source)")
      } else {
        for (index, name) in state.enumerated() { code.add("var \(name) = \(source).\(index)") }
      }
      return code
    }

    var replayPrologue = Code()
    switch statement {
    case .forIn(_, let pattern, let sequence, let filter, _, let range):
      let sequenceName = "_ad_seq\(id)"
      let element = "_ad_el\(id)"
      if isStrictlyActive(sequence) {
        refuse("iterating over a differentiated value is not supported yet; iterate over its indices", at: sequence.range)
      }
      let used = body.reduce(into: filter?.namesRead ?? []) { $0.formUnion($1.namesRead) }
      let patternText = pattern.boundNames.contains(where: used.contains) ? pattern.swiftSource : "_"
      forward.add("let \(sequenceName) = \(sequence.swiftSource)" + lineComment(range))
      var loopBody = Code()
      if patternText != "_" { loopBody.add("let \(patternText) = \(element)") }
      if let filter { loopBody.add("guard \(filter.swiftSource) else { continue }") }
      if state.isEmpty {
        forward.add("var \(tape) = _tape(for: \(sequenceName))")
        loopBody.add("\(tape).push(\(element))")
        if patternText != "_" { replayPrologue.add("let \(patternText) = \(item)") }
      } else {
        forward.add("var \(tape) = _tape(for: \(sequenceName), saving: \(stateTuple))")
        loopBody.add("\(tape).push((\(element), \(stateTuple)))")
        if patternText != "_" { replayPrologue.add("let \(patternText) = \(item).0") }
        replayPrologue.add(restoreState(from: "\(item).1"))
      }
      loopBody.add(bodyText)
      forward.addBlock("\(labelText)for \(element) in \(sequenceName) {", loopBody)
    case .while(_, let conditions, _, let range):
      if conditions.contains(where: \.bindsNames) {
        refuse("'while let' cannot be differentiated yet; use a 'while' loop with a Boolean condition", at: range)
      }
      guard !state.isEmpty else {
        forward.add(ASTPrinter.print([statement], indent: ""))
        return
      }
      forward.add("var \(tape) = _tape(saving: \(stateTuple))" + lineComment(range))
      var loopBody = Code("\(tape).push(\(stateTuple))")
      loopBody.add(bodyText)
      forward.addBlock("\(labelText)while \(conditions.map(\.swiftSource).joined(separator: ", ")) {", loopBody)
      replayPrologue.add(restoreState(from: item))
    case .repeatWhile(_, _, let condition, let range):
      guard !state.isEmpty else {
        forward.add(ASTPrinter.print([statement], indent: ""))
        return
      }
      forward.add("var \(tape) = _tape(saving: \(stateTuple))" + lineComment(range))
      var loopBody = Code("\(tape).push(\(stateTuple))")
      loopBody.add(bodyText)
      forward.addBlock("\(labelText)repeat {", loopBody, closing: "} while \(condition.swiftSource)")
      replayPrologue.add(restoreState(from: item))
    default:
      return
    }

    // Backward: pop the iterations in reverse and differentiate each one as a block.
    let replayedBody = ExitRestructuring.restructure(body, scope: .loop(label: label))
    var replay = replayPrologue
    let bodyNames = replayedBody.reduce(into: Set<String>()) { $0.formUnion($1.namesRead.union($1.namesAssigned)) }
    for name in readOnly where bodyNames.contains(name) { replay.add("let \(name) = _ad_s\(id)_\(name)") }
    let previouslySuppressed = suppressedAppends
    suppressedAppends.formUnion(appendOnly)
    let iteration = differentiate(replayedBody, returns: .forbidden, inPlace: true).inPlace
    suppressedAppends = previouslySuppressed
    replay.add(iteration)
    // A restored variable the iteration only assigns (a flag) is read once, so that the replay
    // does not warn that it was "written to, but never read".
    for name in state where !Self.reads(name, in: iteration) { replay.add("_ = \(name)") }
    backward.addBlock("for \(item) in \(tape).reversed() {", replay)
  }

  /// Whether `code` reads `name` somewhere other than as the target of a plain assignment.
  static func reads(_ name: String, in code: Code) -> Bool {
    for line in code.lines {
      var count = IdentifierScan.occurrences(of: name, in: line.text)
      if line.text.hasPrefix("\(name) = ") { count -= 1 }
      if count > 0 { return true }
    }
    return false
  }

  /// Refuses `break`/`continue` that leave more than the innermost loop: the replay of an
  /// inner loop runs without the outer one around it.
  private func checkExits(of body: [Statement], loopLabel: String?) {
    func visit(_ statements: [Statement], innerLabels: [String?]) {
      for statement in statements {
        switch statement {
        case .break(let label?, let range), .continue(let label?, let range):
          if !innerLabels.isEmpty, !innerLabels.contains(label) {
            refuse("'\(statement.exitKeyword) \(label)' leaves more than one loop; this is not supported in a differentiable function yet", at: range)
          }
        case .forIn, .while, .repeatWhile:
          for block in statement.childBlocks { visit(block, innerLabels: innerLabels + [statement.label]) }
        default:
          for block in statement.childBlocks { visit(block, innerLabels: innerLabels) }
        }
      }
    }
    visit(body, innerLabels: [])
  }
}

extension IfStatement {
  /// A copy whose branches first record their number in `variable`.
  func numberingBranches(
    _ variable: String, from index: inout Int,
    collect branches: inout [(conditions: [Condition], patternText: String?, body: [Statement])]
  ) -> IfStatement {
    var copy = self
    copy.body = [.other(text: "\(variable) = \(index)", range: .synthesized)] + body
    branches.append((conditions, nil, body))
    index += 1
    switch elseBranch {
    case .elseIf(let next):
      copy.elseBranch = .elseIf(next.numberingBranches(variable, from: &index, collect: &branches))
    case .block(let statements):
      copy.elseBranch = .block([.other(text: "\(variable) = \(index)", range: .synthesized)] + statements)
      branches.append(([], nil, statements))
      index += 1
    case nil:
      break
    }
    return copy
  }
}

extension Statement {
  var range: SourceRange {
    switch self {
    case .expression(let e): return e.range
    case .variable(let d): return d.range
    case .assignment(_, _, _, let r), .guard(_, _, let r), .while(_, _, _, let r), .repeatWhile(_, _, _, let r),
      .forIn(_, _, _, _, _, let r), .switch(_, _, _, let r), .return(_, let r), .break(_, let r),
      .continue(_, let r), .fallthrough(let r), .throw(_, let r), .defer(_, let r), .do(_, _, _, let r),
      .other(_, let r):
      return r
    case .if(let s): return s.range
    case .function(let f): return f.range
    }
  }

  var exitKeyword: String {
    if case .continue = self { return "continue" }
    return "break"
  }

  /// Whether a `return` appears in the statement (not inside closures or nested functions).
  var containsReturn: Bool { firstReturnRange != nil }

  var firstReturnRange: SourceRange? {
    if case .return(_, let range) = self { return range }
    for block in childBlocks {
      for statement in block { if let range = statement.firstReturnRange { return range } }
    }
    return nil
  }

  /// Whether the pattern of case number `index` of a switch binds names.
  func caseBindsNames(at index: Int) -> Bool {
    guard case .switch(_, _, let cases, _) = self, cases.indices.contains(index) else { return false }
    return !cases[index].boundNames.isEmpty
  }

  /// A copy in which every `return e` (outside closures and nested functions) assigns `e` to `name`.
  func replacingReturns(with name: String) -> Statement {
    switch self {
    case .return(let value?, let range):
      return .assignment(target: .identifier(name: name, range: .synthesized), operator: "=", value: value, range: range)
    default:
      return mapBlocks { $0.map { $0.replacingReturns(with: name) } }
    }
  }

  /// A copy without its `return` statements (outside closures and nested functions).
  func removingReturns() -> Statement {
    mapBlocks { $0.filter { if case .return = $0 { return false } else { return true } }.map { $0.removingReturns() } }
  }

  /// A copy with `transform` applied to every directly nested statement list.
  func mapBlocks(_ transform: ([Statement]) -> [Statement]) -> Statement {
    switch self {
    case .if(let statement):
      return .if(statement.mapBlocks(transform))
    case .guard(let conditions, let body, let range):
      return .guard(conditions: conditions, elseBody: transform(body), range: range)
    case .while(let label, let conditions, let body, let range):
      return .while(label: label, conditions: conditions, body: transform(body), range: range)
    case .repeatWhile(let label, let body, let condition, let range):
      return .repeatWhile(label: label, body: transform(body), condition: condition, range: range)
    case .forIn(let label, let pattern, let sequence, let filter, let body, let range):
      return .forIn(label: label, pattern: pattern, sequence: sequence, whereClause: filter, body: transform(body), range: range)
    case .switch(let label, let subject, let cases, let range):
      return .switch(label: label, subject: subject, cases: cases.map { var c = $0; c.body = transform(c.body); return c }, range: range)
    case .do(let label, let body, let catches, let range):
      return .do(label: label, body: transform(body), catches: catches.map { var c = $0; c.body = transform(c.body); return c }, range: range)
    case .defer(let body, let range):
      return .defer(body: transform(body), range: range)
    default:
      return self
    }
  }
}

extension IfStatement {
  func mapBlocks(_ transform: ([Statement]) -> [Statement]) -> IfStatement {
    var copy = self
    copy.body = transform(body)
    switch elseBranch {
    case .elseIf(let next): copy.elseBranch = .elseIf(next.mapBlocks(transform))
    case .block(let statements): copy.elseBranch = .block(transform(statements))
    case nil: break
    }
    return copy
  }
}

extension Statement {
  /// A copy in which each `array.append(e)` statement becomes `e`: what is left of the
  /// statement's use of `array` besides appending to it.
  func removingAppends(to array: String) -> Statement {
    if case .expression(.call(.member(.identifier(array, _), "append", _), let arguments, let trailing, _)) = self,
      arguments.count == 1, trailing.isEmpty
    {
      return .expression(arguments[0].value)
    }
    return mapBlocks { $0.map { $0.removingAppends(to: array) } }
  }
}
