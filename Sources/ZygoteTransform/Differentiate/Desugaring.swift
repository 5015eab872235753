// Rewrites constructs the differentiator has no rule for into plain Swift that it has, before
// differentiation, so that a reader of the expansion can follow the result:
//
//   let ys = xs.map { x in x * w }      =>  var _ad_map1 = _typedLike([], xs.prefix(0).map { x in x * w })
//                                           for _ad_e1 in xs {
//                                             _ad_map1.append(_ad_e1 * w)
//                                           }
//                                           let ys = _ad_map1
//   xs.reduce(0) { s, x in s + x * x }  =>  var _ad_reduce2 = _typedLike(0, xs.prefix(0).reduce(0) { ... })
//                                           for _ad_e2 in xs { _ad_reduce2 = _ad_reduce2 + _ad_e2 * _ad_e2 }
//   xs.filter { $0 > 0 }                =>  a loop that appends the elements the predicate keeps
//   if let y = o { ... }                =>  if o != nil { let y = o!; ... }
//   guard let y = o else { ... }        =>  guard o != nil else { ... }; let y = o!
//   for (a, b) in zip(xs, ys)           =>  for _ad_idx3 in 0..<Swift.min(xs.count, ys.count) { let a = xs[_ad_idx3]; ... }
//   for x in xs.reversed()              =>  for _ad_idx4 in xs.indices.reversed() { let x = xs[_ad_idx4]; ... }
//   for (k, v) in d                     =>  for k in d.keys { let v = d[k]!; ... }
//   let g = { y in y * w }; g(x)        =>  (x) * w
//
// Loops keep their shape, so the differentiator's loop machinery (a tape of per-iteration state,
// replayed in reverse) gives the gradient of map/reduce/filter, and captured variables receive
// their gradients like any variable read in a loop. Only differentiated code is rewritten:
// `isActive` tells which expressions read a differentiated (or free) variable.

struct Desugaring {
  private var counter = 0
  private let isActive: (Expression) -> Bool

  /// Rewrites `body`, whose differentiated parameters are `parameters`.
  static func desugar(_ body: [Statement], parameters: [String]) -> [Statement] {
    // Most bodies hold none of these constructs: they skip the extra activity analysis.
    guard body.contains(where: \.mayNeedDesugaring) else { return body }
    var bound = Set(parameters)
    for statement in body { bound.formUnion(statement.namesDeclared) }
    let locals = FunctionRuleGenerator.nestedDifferentiableFunctions(in: body)
    let isFree = { (name: String) in Differentiator.isFreeVariable(name, bound: bound, localFunctions: locals) }
    let analysis = ActivityAnalysis(parameters: parameters, body: body, isFreeVariable: isFree)
    var desugaring = Desugaring { expression in
      let names = expression.namesRead
      return !names.isDisjoint(with: analysis.activeNames) || names.contains(where: isFree)
    }
    return desugaring.block(body)
  }

  private init(isActive: @escaping (Expression) -> Bool) {
    self.isActive = isActive
  }

  private mutating func nextID() -> Int {
    counter += 1
    return counter
  }

  // MARK: - Blocks and statements

  private mutating func block(_ statements: [Statement]) -> [Statement] {
    var result: [Statement] = []
    var remaining = statements[...]
    while let statement = remaining.popFirst() {
      if let (name, closure) = inlinableClosure(statement), canInline(closure, named: name, into: Array(remaining)) {
        // Every later use of the closure's name reads its literal; calls are then inlined.
        remaining = remaining.map { $0.replacingExpressions { expression in
          if case .identifier(name, _) = expression { return .closure(closure) }
          return nil
        } }[...]
        if !remaining.contains(where: { $0.namesRead.contains(name) }) { continue }
        result.append(statement)
        continue
      }
      if case .guard(let conditions, let elseBody, let range) = statement, conditions.contains(where: isUnwrapping) {
        let (checks, bindings, renames) = unwrapping(conditions)
        result.append(.guard(conditions: checks, elseBody: block(elseBody), range: range))
        result += bindings
        remaining = remaining.map { $0.renaming(renames) }[...]
        continue
      }
      result += self.statement(statement)
    }
    return result
  }

  /// One statement, with whatever it needs computed before it.
  private mutating func statement(_ statement: Statement) -> [Statement] {
    var before: [Statement] = []
    let rewritten: Statement
    switch statement {
    case .variable(var declaration):
      declaration.bindings = declaration.bindings.map { binding in
        var copy = binding
        copy.initializer = binding.initializer.map { expression(inlining($0), before: &before) }
        return copy
      }
      rewritten = .variable(declaration)
    case .assignment(let target, let op, let value, let range):
      rewritten = .assignment(target: target, operator: op, value: expression(inlining(value), before: &before), range: range)
    case .return(let value?, let range):
      rewritten = .return(expression(inlining(value), before: &before), range: range)
    case .expression(let value):
      rewritten = .expression(expression(inlining(value), before: &before))
    case .if(let ifStatement):
      rewritten = .if(self.ifStatement(ifStatement))
    case .forIn(let label, let pattern, let sequence, let filter, let body, let range):
      let loop = forIn(label: label, pattern: pattern, sequence: inlining(sequence), filter: filter, body: body, range: range, before: &before)
      return before + [loop]
    default:
      rewritten = statement.mapBlocks { self.block($0) }
    }
    return before + [rewritten]
  }

  private mutating func ifStatement(_ statement: IfStatement) -> IfStatement {
    var copy = statement
    if statement.conditions.contains(where: isUnwrapping) {
      let (checks, bindings, renames) = unwrapping(statement.conditions)
      copy.conditions = checks
      copy.body = bindings + statement.body.map { $0.renaming(renames) }
    }
    copy.body = block(copy.body)
    switch statement.elseBranch {
    case .elseIf(let next): copy.elseBranch = .elseIf(ifStatement(next))
    case .block(let statements): copy.elseBranch = .block(block(statements))
    case nil: break
    }
    return copy
  }

  // MARK: - Optional binding

  private func isUnwrapping(_ condition: Condition) -> Bool {
    guard case .optionalBinding(_, .identifier, nil, let value, _) = condition else { return false }
    guard let value else { return true }
    return value.isPureRead && isActive(value)
  }

  /// `let y = o` conditions as `o != nil` checks, the bindings `let y = o!` that follow them, and
  /// the names to rename where `y` and `o` are one name (`if let x`), so that the unwrapped
  /// value and the optional keep separate gradients.
  private mutating func unwrapping(_ conditions: [Condition]) -> (checks: [Condition], bindings: [Statement], renames: [String: String]) {
    var checks: [Condition] = []
    var bindings: [Statement] = []
    var renames: [String: String] = [:]
    var substitutions: [String: Expression] = [:]
    for condition in conditions {
      guard isUnwrapping(condition), case .optionalBinding(let isVariable, .identifier(let name, let nameRange), _, let value, let range) = condition else {
        checks.append(condition.replacing { substitute($0, substitutions) })
        continue
      }
      let optional = (value ?? .identifier(name: name, range: nameRange)).replacing { substitute($0, substitutions) }
      checks.append(.expression(.isNotNil(optional, range: range)))
      let unwrapped = Expression.forceUnwrap(optional, range: range)
      var boundName = name
      if optional.namesRead.contains(name) {
        boundName = "_ad_u\(nextID())_\(name)"
        renames[name] = boundName
      }
      substitutions[name] = .parenthesized(unwrapped, range: .synthesized)
      bindings.append(.variable(VariableDeclaration(attributes: [], modifiers: [], isVariable: isVariable, bindings: [
        PatternBinding(pattern: .identifier(name: boundName, range: nameRange), type: nil, initializer: unwrapped, accessors: nil, range: range)
      ], range: range)))
    }
    return (checks, bindings, renames)
  }

  private func substitute(_ expression: Expression, _ substitutions: [String: Expression]) -> Expression? {
    if case .identifier(let name, _) = expression { return substitutions[name] }
    return nil
  }

  // MARK: - Expressions: map, reduce, filter

  /// The expression with every differentiated `map`/`reduce`/`filter` call computed by a loop
  /// in `before` and replaced by the loop's result. Calls inside a ternary's branches or on the
  /// right of `&&`, `||` and `??` run only sometimes, so they are left for the differentiator
  /// to refuse.
  private mutating func expression(_ expression: Expression, before: inout [Statement]) -> Expression {
    var conditional = false
    return rewrite(expression, before: &before, conditional: &conditional)
  }

  private mutating func rewrite(_ expression: Expression, before: inout [Statement], conditional: inout Bool) -> Expression {
    switch expression {
    case .call(.member(let base, let method, let memberRange), let arguments, let trailing, let range)
    where ["map", "reduce", "filter"].contains(method) && isActive(expression):
      let sequence = rewrite(base, before: &before, conditional: &conditional)
      let rewrittenArguments = arguments.map { Argument(label: $0.label, value: rewrite($0.value, before: &before, conditional: &conditional), range: $0.range) }
      let call = Expression.call(callee: .member(base: sequence, name: method, range: memberRange), arguments: rewrittenArguments, trailingClosures: trailing, range: range)
      if conditional { return call }
      switch method {
      case "map": return loopForMap(sequence: sequence, arguments: rewrittenArguments, trailing: trailing, call: call, before: &before) ?? call
      case "reduce": return loopForReduce(sequence: sequence, arguments: rewrittenArguments, trailing: trailing, call: call, before: &before) ?? call
      default: return loopForFilter(sequence: sequence, arguments: rewrittenArguments, trailing: trailing, call: call, before: &before) ?? call
      }
    case .ternary(let condition, let then, let otherwise, let range):
      let newCondition = rewrite(condition, before: &before, conditional: &conditional)
      var inner = true
      let newThen = rewrite(then, before: &before, conditional: &inner)
      let newOtherwise = rewrite(otherwise, before: &before, conditional: &inner)
      return .ternary(condition: newCondition, then: newThen, else: newOtherwise, range: range)
    case .binaryOperator(let op, let left, let right, let range) where op == "&&" || op == "||" || op == "??":
      let newLeft = rewrite(left, before: &before, conditional: &conditional)
      var inner = true
      let newRight = rewrite(right, before: &before, conditional: &inner)
      return .binaryOperator(operator: op, left: newLeft, right: newRight, range: range)
    case .closure:
      return expression
    default:
      var copy = conditional
      let result = expression.replacingChildren { child in rewrite(child, before: &before, conditional: &copy) }
      return result
    }
  }

  /// The closure a higher-order call applies: its trailing closure, its last argument as a
  /// closure literal, or a function or operator named in that argument.
  private func appliedFunction(arguments: [Argument], trailing: [TrailingClosure], expectedArguments: Int) -> AppliedFunction? {
    if trailing.count == 1, arguments.count == expectedArguments - 1 { return .closure(trailing[0].closure) }
    guard trailing.isEmpty, arguments.count == expectedArguments, let last = arguments.last, last.label == nil else { return nil }
    switch last.value {
    case .closure(let closure): return .closure(closure)
    case .identifier(let name, _) where RuleNames.binaryOperators[name] != nil: return .operator(name)
    case .unknown(let text, _) where RuleNames.binaryOperators[text.trimmingSpaces] != nil: return .operator(text.trimmingSpaces)
    case .identifier(let name, _): return .function(name)
    default: return nil
    }
  }

  private mutating func loopForMap(
    sequence: Expression, arguments: [Argument], trailing: [TrailingClosure], call: Expression, before: inout [Statement]
  ) -> Expression? {
    guard let function = appliedFunction(arguments: arguments, trailing: trailing, expectedArguments: 1) else { return nil }
    let id = nextID()
    let result = "_ad_map\(id)"
    guard let (pattern, statements, value) = inlinedBody(of: function, id: id) else { return nil }
    let empty = Self.call(.member(base: Self.emptyPrefix(of: sequence), name: "map", range: .synthesized), arguments, trailing: trailing)
    before.append(declaration(result, isVariable: true, Self.typedLike(.arrayLiteral(elements: [], range: .synthesized), empty)))
    let append = Self.appending(value, to: result, range: call.range)
    return loop(into: result, pattern: pattern, over: sequence, body: statements + [append], range: call.range, before: &before)
  }

  private mutating func loopForReduce(
    sequence: Expression, arguments: [Argument], trailing: [TrailingClosure], call: Expression, before: inout [Statement]
  ) -> Expression? {
    guard let initial = arguments.first, initial.label == nil,
      let function = appliedFunction(arguments: arguments, trailing: trailing, expectedArguments: 2)
    else { return nil }
    let id = nextID()
    let result = "_ad_reduce\(id)"
    guard let (pattern, statements, value) = inlinedBody(of: function, id: id, accumulator: result) else { return nil }
    var start = initial.value
    if !isActive(initial.value) {
      // A literal start (`0`) takes its type from the closure, as it does in `reduce` itself.
      let empty = Self.call(.member(base: Self.emptyPrefix(of: sequence), name: "reduce", range: .synthesized), arguments, trailing: trailing)
      start = Self.typedLike(initial.value, empty)
    }
    before.append(declaration(result, isVariable: true, start))
    let update = Statement.assignment(target: Self.name(result), operator: "=", value: value, range: call.range)
    return loop(into: result, pattern: pattern, over: sequence, body: statements + [update], range: call.range, before: &before)
  }

  private mutating func loopForFilter(
    sequence: Expression, arguments: [Argument], trailing: [TrailingClosure], call: Expression, before: inout [Statement]
  ) -> Expression? {
    guard let function = appliedFunction(arguments: arguments, trailing: trailing, expectedArguments: 1) else { return nil }
    let id = nextID()
    let result = "_ad_filter\(id)"
    let element = "_ad_e\(id)"
    guard let (pattern, statements, value) = inlinedBody(of: function, id: id), statements.isEmpty,
      case .identifier(element, _) = pattern
    else { return nil }
    let empty = Self.call(Self.name("Array"), [Argument(label: nil, value: Self.emptyPrefix(of: sequence), range: .synthesized)])
    before.append(declaration(result, isVariable: true, Self.typedLike(.arrayLiteral(elements: [], range: .synthesized), empty)))
    let append = Self.appending(Self.name(element), to: result, range: call.range)
    let keep = Statement.if(IfStatement(conditions: [.expression(value)], body: [append], elseBranch: nil, range: call.range))
    return loop(into: result, pattern: pattern, over: sequence, body: [keep], range: call.range, before: &before)
  }

  /// `for pattern in sequence { body }`, rewritten by `forInStatement` and appended to `before`;
  /// the expression that then stands for the call is the loop's result variable.
  private mutating func loop(
    into result: String, pattern: Pattern, over sequence: Expression, body: [Statement], range: SourceRange,
    before: inout [Statement]
  ) -> Expression {
    let loop = Statement.forIn(label: nil, pattern: pattern, sequence: sequence, whereClause: nil, body: body, range: range)
    var loopBefore: [Statement] = []
    let desugaredLoop = forInStatement(loop, before: &loopBefore)
    before += loopBefore + [desugaredLoop]
    return .identifier(name: result, range: range)
  }

  // MARK: - Building synthesized code

  private static func name(_ name: String) -> Expression {
    .identifier(name: name, range: .synthesized)
  }

  private static func call(_ callee: Expression, _ arguments: [Argument], trailing: [TrailingClosure] = []) -> Expression {
    .call(callee: callee, arguments: arguments, trailingClosures: trailing, range: .synthesized)
  }

  /// `sequence.prefix(0)`: a sequence of the same element type with no element, so that
  /// `map`/`reduce`/`filter` on it gives a result of the right type without running the closure.
  private static func emptyPrefix(of sequence: Expression) -> Expression {
    call(.member(base: sequence, name: "prefix", range: .synthesized), [Argument(label: nil, value: .integerLiteral(text: "0", range: .synthesized), range: .synthesized)])
  }

  /// `_typedLike(value, example)`: `value` with the type of `example` (see GeneratedCodeSupport).
  private static func typedLike(_ value: Expression, _ example: Expression) -> Expression {
    call(name("_typedLike"), [Argument(label: nil, value: value, range: .synthesized), Argument(label: nil, value: example, range: .synthesized)])
  }

  /// `array.append(value)` as a statement.
  private static func appending(_ value: Expression, to array: String, range: SourceRange) -> Statement {
    .expression(.call(callee: .member(base: name(array), name: "append", range: .synthesized), arguments: [Argument(label: nil, value: value, range: .synthesized)], trailingClosures: [], range: range))
  }

  /// The loop pattern, the statements and the value of one application of `function` to a
  /// sequence element named `_ad_e<id>` (for `reduce`, to the accumulator and the element).
  private mutating func inlinedBody(of function: AppliedFunction, id: Int, accumulator: String? = nil) -> (Pattern, [Statement], Expression)? {
    let element = "_ad_e\(id)"
    let elementExpression = Expression.identifier(name: element, range: .synthesized)
    let accumulatorExpression = accumulator.map { Expression.identifier(name: $0, range: .synthesized) }
    switch function {
    case .operator(let op):
      guard let accumulatorExpression else { return nil }
      return (.identifier(name: element, range: .synthesized), [], .binaryOperator(operator: op, left: accumulatorExpression, right: elementExpression, range: .synthesized))
    case .function(let name):
      let arguments = (accumulatorExpression.map { [$0] } ?? []) + [elementExpression]
      return (.identifier(name: element, range: .synthesized), [], .call(callee: .identifier(name: name, range: .synthesized), arguments: arguments.map { Argument(label: nil, value: $0, range: .synthesized) }, trailingClosures: [], range: .synthesized))
    case .closure(let closure):
      guard closure.captureList == nil, closure.effects == nil else { return nil }
      var statements = closure.body
      guard let last = statements.popLast() else { return nil }
      let value: Expression
      switch last {
      case .expression(let e), .return(let e?, _): value = e
      default: return nil
      }
      if statements.contains(where: { $0.containsReturn }) { return nil }
      // Parameter names: written ones, or `$0`, `$1` (at least one: the element).
      var names = closure.parameters.map(\.name)
      if names.isEmpty { names = (0..<max(ClosureDifferentiation.argumentCount(of: closure), 1)).map { "$\($0)" } }
      var substitutions: [String: Expression] = [:]
      var elementNames = names
      if let accumulatorExpression {
        guard names.count >= 2 else { return nil }
        substitutions[names[0]] = accumulatorExpression
        elementNames = Array(names.dropFirst())
      }
      let pattern: Pattern
      if elementNames.count == 1 {
        substitutions[elementNames[0]] = elementExpression
        pattern = .identifier(name: element, range: .synthesized)
      } else {
        // `zip(xs, ys).map { a, b in ... }`: the element is a tuple, destructured by the loop.
        var elements: [TuplePatternElement] = []
        for (index, name) in elementNames.enumerated() {
          let fresh = "\(element)_\(index)"
          substitutions[name] = .identifier(name: fresh, range: .synthesized)
          elements.append(TuplePatternElement(label: nil, pattern: .identifier(name: fresh, range: .synthesized)))
        }
        pattern = .tuple(elements: elements, range: .synthesized)
      }
      let rename = { (e: Expression) -> Expression? in
        if case .identifier(let name, _) = e { return substitutions[name] }
        return nil
      }
      return (pattern, statements.map { $0.replacingExpressions(rename) }, value.replacing(rename))
    }
  }

  private func declaration(_ name: String, isVariable: Bool, _ value: Expression) -> Statement {
    .variable(VariableDeclaration(attributes: [], modifiers: [], isVariable: isVariable, bindings: [
      PatternBinding(pattern: .identifier(name: name, range: .synthesized), type: nil, initializer: value, accessors: nil, range: .synthesized)
    ], range: .synthesized))
  }

  // MARK: - Loops over zip, reversed, slices and dictionaries

  private mutating func forIn(
    label: String?, pattern: Pattern, sequence: Expression, filter: Expression?, body: [Statement], range: SourceRange,
    before: inout [Statement]
  ) -> Statement {
    let rewrittenSequence = expression(sequence, before: &before)
    let loop = Statement.forIn(label: label, pattern: pattern, sequence: rewrittenSequence, whereClause: filter, body: block(body), range: range)
    return forInStatement(loop, before: &before)
  }

  /// A loop over an element-by-element view of a differentiated array (or dictionary) as a
  /// loop over indices (keys) that reads the elements, so that each element's gradient goes
  /// back to its place.
  private mutating func forInStatement(_ loop: Statement, before: inout [Statement]) -> Statement {
    guard case .forIn(let label, let pattern, let sequence, let filter, let body, let range) = loop, isActive(sequence) else { return loop }
    func element(_ array: String, _ index: String) -> Expression {
      .subscript(base: .identifier(name: array, range: .synthesized), arguments: [Argument(label: nil, value: .identifier(name: index, range: .synthesized), range: .synthesized)], range: .synthesized)
    }
    func indexLoop(over indices: Expression, index: String, bindings: [(Pattern, Expression)]) -> Statement {
      let declarations = bindings.map { pattern, value in
        Statement.variable(VariableDeclaration(attributes: [], modifiers: [], isVariable: false, bindings: [
          PatternBinding(pattern: pattern, type: nil, initializer: value, accessors: nil, range: range)
        ], range: range))
      }
      var newBody = declarations
      if let filter { newBody.append(.guard(conditions: [.expression(filter)], elseBody: [.continue(label: nil, range: .synthesized)], range: filter.range)) }
      return .forIn(label: label, pattern: .identifier(name: index, range: .synthesized), sequence: indices, whereClause: nil, body: newBody + body, range: range)
    }
    let index = "_ad_idx\(nextID())"
    switch sequence {
    case .call(.member(.identifier(let array, _), "reversed", _), let arguments, let trailing, _) where arguments.isEmpty && trailing.isEmpty:
      return indexLoop(over: .call(callee: .member(base: .member(base: .identifier(name: array, range: .synthesized), name: "indices", range: .synthesized), name: "reversed", range: .synthesized), arguments: [], trailingClosures: [], range: .synthesized), index: index, bindings: [(pattern, element(array, index))])
    case .call(.member(.identifier(let array, _), let method, _), let arguments, let trailing, _)
    where ["dropFirst", "dropLast", "prefix", "suffix"].contains(method) && trailing.isEmpty && arguments.count <= 1 && !arguments.contains(where: { isActive($0.value) }):
      let indices = Expression.call(callee: .member(base: .member(base: .identifier(name: array, range: .synthesized), name: "indices", range: .synthesized), name: method, range: .synthesized), arguments: arguments, trailingClosures: [], range: .synthesized)
      return indexLoop(over: indices, index: index, bindings: [(pattern, element(array, index))])
    case .subscript(.identifier(let array, _), let arguments, _) where arguments.count == 1 && arguments[0].label == nil && !isActive(arguments[0].value):
      // `for x in xs[a..<b]`: a slice keeps the array's indices.
      return indexLoop(over: arguments[0].value, index: index, bindings: [(pattern, element(array, index))])
    case .call(.identifier("zip", _), let arguments, let trailing, _) where arguments.count == 2 && trailing.isEmpty:
      guard case .tuple(let elements, _) = pattern, elements.count == 2 else { return loop }
      // Each side is an array read at the index, `xs.reversed()` read from the end, or an
      // inactive sequence copied into an array first.
      var arrays: [String] = []
      var reversed: [Bool] = []
      for argument in arguments {
        if case .identifier(let name, _) = argument.value {
          arrays.append(name)
          reversed.append(false)
        } else if case .call(.member(.identifier(let name, _), "reversed", _), let reversedArguments, let reversedTrailing, _) = argument.value,
          reversedArguments.isEmpty, reversedTrailing.isEmpty
        {
          arrays.append(name)
          reversed.append(true)
        } else if !isActive(argument.value) {
          let name = "_ad_z\(nextID())"
          before.append(declaration(name, isVariable: false, .call(callee: .identifier(name: "Array", range: .synthesized), arguments: [Argument(label: nil, value: argument.value, range: .synthesized)], trailingClosures: [], range: .synthesized)))
          arrays.append(name)
          reversed.append(false)
        } else {
          return loop
        }
      }
      func read(_ side: Int) -> Expression {
        guard reversed[side] else { return element(arrays[side], index) }
        let last = Expression.binaryOperator(operator: "-", left: .member(base: .identifier(name: arrays[side], range: .synthesized), name: "count", range: .synthesized), right: .integerLiteral(text: "1", range: .synthesized), range: .synthesized)
        let position = Expression.binaryOperator(operator: "-", left: last, right: .identifier(name: index, range: .synthesized), range: .synthesized)
        return .subscript(base: .identifier(name: arrays[side], range: .synthesized), arguments: [Argument(label: nil, value: position, range: .synthesized)], range: .synthesized)
      }
      let count = Expression.call(callee: .member(base: .identifier(name: "Swift", range: .synthesized), name: "min", range: .synthesized), arguments: arrays.map {
        Argument(label: nil, value: .member(base: .identifier(name: $0, range: .synthesized), name: "count", range: .synthesized), range: .synthesized)
      }, trailingClosures: [], range: .synthesized)
      let indices = Expression.binaryOperator(operator: "..<", left: .integerLiteral(text: "0", range: .synthesized), right: count, range: .synthesized)
      return indexLoop(over: indices, index: index, bindings: [(elements[0].pattern, read(0)), (elements[1].pattern, read(1))])
    case .member(.identifier(let dictionary, _), "values", _):
      return indexLoop(over: .member(base: .identifier(name: dictionary, range: .synthesized), name: "keys", range: .synthesized), index: index, bindings: [(pattern, .forceUnwrap(element(dictionary, index), range: .synthesized))])
    case .identifier(let dictionary, _):
      // `for (k, v) in d`: a tuple pattern over a variable is a dictionary's key-value pairs.
      guard case .tuple(let elements, _) = pattern, elements.count == 2 else { return loop }
      return indexLoop(over: .member(base: .identifier(name: dictionary, range: .synthesized), name: "keys", range: .synthesized), index: index, bindings: [
        (elements[0].pattern, .identifier(name: index, range: .synthesized)),
        (elements[1].pattern, .forceUnwrap(element(dictionary, index), range: .synthesized)),
      ])
    default:
      return loop
    }
  }

  // MARK: - Local closures

  /// `let g = { ... }` with a closure the transform can inline at its calls.
  private func inlinableClosure(_ statement: Statement) -> (String, ClosureExpression)? {
    guard case .variable(let declaration) = statement, !declaration.isVariable, declaration.bindings.count == 1,
      case .identifier(let name, _) = declaration.bindings[0].pattern,
      case .closure(let closure)? = declaration.bindings[0].initializer,
      closure.captureList == nil, closure.effects == nil, isActive(.closure(closure)),
      closure.body.count == 1
    else { return nil }
    switch closure.body[0] {
    case .expression, .return(_?, _): return (name, closure)
    default: return nil
    }
  }

  /// Whether the closure's body reads the same variables wherever it is called: no later
  /// statement declares a name it reads.
  private func canInline(_ closure: ClosureExpression, named name: String, into statements: [Statement]) -> Bool {
    var declared = Set<String>()
    for statement in statements { statement.forEachStatement { declared.formUnion($0.namesDeclared) } }
    var read = Set<String>()
    closure.collectNamesRead(into: &read)
    return read.isDisjoint(with: declared) && !declared.contains(name)
  }

  /// The expression with every call of a closure literal replaced by the closure's body, its
  /// parameters replaced by the (parenthesized) arguments.
  private func inlining(_ expression: Expression) -> Expression {
    expression.replacing { expression in
      guard case .call(.closure(let closure), let arguments, let trailing, let range) = expression, trailing.isEmpty,
        closure.body.count == 1, arguments.allSatisfy({ $0.label == nil })
      else { return nil }
      let value: Expression
      switch closure.body[0] {
      case .expression(let e), .return(let e?, _): value = e
      default: return nil
      }
      let names = closure.parameters.isEmpty ? arguments.indices.map { "$\($0)" } : closure.parameters.map(\.name)
      guard names.count == arguments.count else { return nil }
      let inlinedArguments = arguments.map { inlining($0.value) }
      let body = value.replacing { inner in
        guard case .identifier(let name, _) = inner, let index = names.firstIndex(of: name) else { return nil }
        return .parenthesized(inlinedArguments[index], range: .synthesized)
      }
      return .parenthesized(inlining(body), range: range)
    }
  }
}

/// What a higher-order call applies to each element.
private enum AppliedFunction {
  case closure(ClosureExpression)
  case `operator`(String)
  case function(String)
}

extension Expression {
  /// Whether evaluating the expression twice reads the same value and has no effect: a
  /// variable, or a property, element or unwrapped value of one.
  var isPureRead: Bool {
    switch self {
    case .identifier: return true
    case .member(let base, _, _), .forceUnwrap(let base, _), .parenthesized(let base, _): return base.isPureRead
    case .subscript(let base, let arguments, _):
      return base.isPureRead && arguments.allSatisfy { argument in
        switch argument.value {
        case .identifier, .integerLiteral, .stringLiteral: return true
        default: return false
        }
      }
    default: return false
    }
  }

  /// A copy with `transform` applied to each direct child expression (not into closures).
  func replacingChildren(_ transform: (Expression) -> Expression) -> Expression {
    var isRoot = true
    return replacing { expression in
      if isRoot {
        isRoot = false
        return nil
      }
      return transform(expression)
    }
  }
}

extension Statement {
  /// A copy in which every read of a name in `renames` reads the new name instead.
  func renaming(_ renames: [String: String]) -> Statement {
    guard !renames.isEmpty else { return self }
    return replacingExpressions { expression in
      if case .identifier(let name, let range) = expression, let renamed = renames[name] { return .identifier(name: renamed, range: range) }
      return nil
    }
  }
}

extension Statement {
  /// Whether the statement (or one nested in it) holds a construct `Desugaring` rewrites: a
  /// closure, a `map`/`filter`/`reduce` call, an optional binding, or a loop over something
  /// other than a range or a plain variable.
  var mayNeedDesugaring: Bool {
    var found = false
    forEachStatement { statement in
      switch statement {
      case .if(let ifStatement):
        if ifStatement.allConditions.contains(where: \.isOptionalBinding) { found = true }
      case .guard(let conditions, _, _):
        if conditions.contains(where: \.isOptionalBinding) { found = true }
      case .forIn(_, let pattern, let sequence, _, _, _):
        if case .tuple = pattern { found = true }
        switch sequence {
        case .call, .subscript, .member: found = true
        default: break
        }
      default:
        break
      }
    }
    if found { return true }
    // One walk over every expression of the statement and its nested blocks.
    forEachExpression { expression in
      switch expression {
      case .closure: found = true
      case .call(.member(_, let name, _), _, let trailing, _):
        if name == "map" || name == "filter" || name == "reduce" || !trailing.isEmpty { found = true }
      case .call(_, _, let trailing, _):
        if !trailing.isEmpty { found = true }
      default:
        break
      }
    }
    return found
  }
}

extension Condition {
  var isOptionalBinding: Bool {
    if case .optionalBinding = self { return true }
    return false
  }
}
