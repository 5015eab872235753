// Active expressions become A-normal form: one rule call per operation, each binding the value
// and the pullback of that operation:
//
//     sin(x) * y        =>   let (_ad_v1, _ad_pb1) = _vjp(sin: x)
//                            let (_ad_v2, _ad_pb2) = _vjp(__multiply: _ad_v1, y)
//
// and the backward pass walks the same tree from the root, feeding each pullback the gradient
// of its value:
//
//                            let (_ad_g2_0, _ad_g2_1) = _ad_pb2(seed)
//                            _accumulate(&_ad_d_y, _ad_g2_1)
//                            let _ad_g1 = _ad_pb1(_ad_g2_0)
//                            _accumulate(&_ad_d_x, _ad_g1)

/// An expression after lowering: what the forward pass computed, and what the backward pass
/// must reverse.
indirect enum Lowered {
  /// An expression with no derivative, kept as written.
  case inactive(String)
  /// An active variable or parameter, read by name; its gradient accumulates in `_ad_d_<name>`.
  case variable(String)
  /// A rule call.
  case operation(Operation)
  /// An active `c ? a : b`: the forward pass evaluated it plainly; the backward pass recomputes
  /// the branch that was taken.
  case selection(Selection)
  /// `xs[i]` read from an active array variable: the gradient goes straight into element `i` of
  /// the array's accumulator, in constant time.
  case element(array: String, index: String)
  /// `[a, b, c]` with differentiated elements: element `i` receives element `i` of the gradient.
  case arrayLiteral(id: Int, elements: [Lowered])
  /// `p.x` or `p.a.b` read from an active struct variable: the gradient goes into the same
  /// property of the variable's `Tangent`.
  case property(variable: String, path: String)
  /// `e.x` for a differentiated value `e` that is not a variable (`p!.x`, `f(a).x`): the gradient
  /// of `e` is a zero tangent with the gradient in property `x`.
  case member(id: Int, base: Lowered, path: String)
  /// A closure literal passed to a higher-order function, as its rule; the gradients of the
  /// differentiated variables it captures arrive in boxes (see ClosureArguments.swift).
  case closureArgument(source: String, boxes: [(name: String, box: String)])
  /// `(a, b)` or `(x: a, y: b)` with differentiated elements: element `i` receives `.i` of the
  /// gradient (tuple gradients are read by position: see Tuple+Differentiable.swift).
  case tupleLiteral(id: Int, elements: [Lowered])
  /// `["a": x, "b": y]` with differentiated values: each value receives the gradient of its key.
  case dictionaryLiteral(id: Int, keys: [String], values: [Lowered])

  /// The Swift text that stands for the value in the forward pass.
  var valueText: String {
    switch self {
    case .inactive(let text): return text
    case .variable(let name): return name
    case .operation(let operation): return operation.valueName
    case .selection(let selection): return selection.valueName
    case .element(let array, let index): return "\(array)[\(index)]"
    case .property(let variable, let path): return "\(variable).\(path)"
    case .arrayLiteral(let id, _), .tupleLiteral(let id, _), .dictionaryLiteral(let id, _, _), .member(let id, _, _):
      return "_ad_v\(id)"
    case .closureArgument(let source, _):
      // Written in the call itself, so that the rule's parameter type gives the closure its types.
      return source
    }
  }

  var isActive: Bool {
    if case .inactive = self { return false }
    return true
  }
}

/// One rule call of the forward pass.
struct Operation {
  /// The number that names the operation's temporaries (`_ad_v7`, `_ad_pb7`, `_ad_g7`).
  var id: Int
  /// The operands, one per entry of the pullback's result, in order. Inactive operands are
  /// kept so that the result tuple is destructured at the right positions.
  var operands: [Lowered]
  /// Whether the pullback returns `Void` (an implicit-parameter read): it is called for its effect.
  var pullbackReturnsVoid: Bool

  var valueName: String { "_ad_v\(id)" }
  var pullbackName: String { "_ad_pb\(id)" }
}

/// An active ternary expression.
struct Selection {
  var id: Int
  var conditionName: String { "_ad_c\(id)" }
  var valueName: String { "_ad_v\(id)" }
  var whenTrue: Expression
  var whenFalse: Expression
  /// Mutable variables the branches' backward code reads, saved before the expression: the
  /// backward pass runs after later statements may have changed them.
  var savedVariables: [String]
  /// The backward code of each branch, written for the gradient `seedName`.
  var whenTrueCode = Code()
  var whenFalseCode = Code()
  var seedName: String { "_ad_gs\(id)" }
}

extension Differentiator {
  /// Whether an expression reads an active variable (or, for implicit parameters, may read one).
  func isActive(_ expression: Expression) -> Bool {
    let names = expression.differentiableNamesRead
    if !names.isDisjoint(with: activeNames) { return true }
    if !expression.calleeNames.isDisjoint(with: activeNames) { return true }
    if !closureParameters.isEmpty && !expression.calleeNames.isDisjoint(with: closureParameters) { return true }
    if names.contains(where: isFreeVariable) { return true }
    if implicitParameters.callsAreActive && expression.containsFunctionCall { return true }
    return false
  }

  /// Lowers an expression in the forward pass, appending its rule calls to `forward`.
  ///
  /// - Parameter valueNeeded: false when nothing reads the root's value (a recomputed `return`),
  ///   so that no unused binding is generated.
  func lower(_ expression: Expression, into forward: inout Code, valueNeeded: Bool = true) -> Lowered {
    guard isActive(expression) else { return .inactive(expression.swiftSource) }
    if let (optional, unwrapped) = expression.unwrappingOptionalChain() {
      // `o?.f()` is `o != nil ? o!.f() : nil`: the gradient reaches `o` only when it held a value.
      guard optional.isPureRead else {
        refuse("optional chaining ('?.') on a differentiated value is supported on variables, properties and elements; bind the optional to a variable first", at: optional.range)
        return .inactive(expression.swiftSource)
      }
      return lowerSelection(
        condition: .isNotNil(optional), whenTrue: unwrapped, whenFalse: .nilLiteral(range: .synthesized), at: expression.range, valueNeeded: valueNeeded, into: &forward)
    }
    switch expression {
    case .identifier(let name, let range):
      if activeNames.contains(name) { return .variable(name) }
      if isFreeVariable(name) { return implicitRead(expression, at: range, into: &forward) }
      return .inactive(expression.swiftSource)
    case .integerLiteral, .floatLiteral, .stringLiteral, .booleanLiteral, .nilLiteral, .implicitMember,
      .keyPath, .discard:
      return .inactive(expression.swiftSource)
    case .parenthesized(let inner, _):
      let lowered = lower(inner, into: &forward, valueNeeded: valueNeeded)
      if case .inactive = lowered { return .inactive(expression.swiftSource) }
      return lowered
    case .binaryOperator("??", let optional, let fallback, let range):
      // `o ?? e` is `o != nil ? o! : e`: the gradient goes to the branch that gave the value.
      return lowerSelection(
        condition: .isNotNil(optional), whenTrue: .forceUnwrap(optional, range: optional.range), whenFalse: fallback, at: range, valueNeeded: valueNeeded, into: &forward)
    case .binaryOperator(let op, let left, let right, let range):
      if RuleNames.inactiveOperators.contains(op) { return .inactive(expression.swiftSource) }
      let label = RuleNames.binaryOperatorLabel(op)
      let lhs = lower(left, into: &forward)
      let rhs = lower(right, into: &forward)
      let call = "\(RuleNames.function)(\(label): \(lhs.valueText), \(rhs.valueText))"
      guard RuleNames.binaryOperators[op] == nil else {
        return emitOperation(call, operands: [lhs, rhs], valueNeeded: valueNeeded, at: range, into: &forward)
      }
      // An operator with no built-in rule needs an @Adjoint(of: "op"); without one, the compiler
      // reports the fallback's message at this line.
      return emitUnresolvedOperation(call, displayName: op, label: label, operands: [lhs, rhs], valueNeeded: valueNeeded, at: range, into: &forward)
    case .prefixOperator(let op, let operand, let range):
      if op == "!" || op == "~" { return .inactive(expression.swiftSource) }
      let label = RuleNames.prefixOperatorLabel(op)
      let inner = lower(operand, into: &forward)
      let call = "\(RuleNames.function)(\(label): \(inner.valueText))"
      guard RuleNames.prefixOperators[op] == nil else {
        return emitOperation(call, operands: [inner], valueNeeded: valueNeeded, at: range, into: &forward)
      }
      return emitUnresolvedOperation(call, displayName: op, label: label, operands: [inner], valueNeeded: valueNeeded, at: range, into: &forward)
    case .ternary(let condition, let whenTrue, let whenFalse, let range):
      if isStrictlyActive(condition), !isInactiveResult(condition) {
        refuse("the condition of '?:' must not be differentiated", at: condition.range)
      }
      return lowerSelection(condition: condition, whenTrue: whenTrue, whenFalse: whenFalse, at: range, valueNeeded: valueNeeded, into: &forward)
    case .call(let callee, let arguments, let trailing, let range):
      return lowerCall(expression, callee: callee, arguments: arguments, trailing: trailing, range: range, valueNeeded: valueNeeded, into: &forward)
    case .member(let base, let name, let range):
      if RuleNames.inactiveMembers.contains(name) { return .inactive(expression.swiftSource) }
      if case .identifier(let baseName, _) = base, !activeNames.contains(baseName), !isFreeVariable(baseName),
        RuleNames.isTypeName(baseName) || baseName == "self"
      {
        return .inactive(expression.swiftSource)
      }
      if let (variable, path) = propertyPath(expression), activeNames.contains(variable) {
        if inactiveProperties.contains("\(variable).\(path.prefix { $0 != "." })") { return .inactive(expression.swiftSource) }
        return .property(variable: variable, path: path)
      }
      if let (variable, _) = propertyPath(expression), isFreeVariable(variable) {
        return implicitRead(expression, at: range, into: &forward)
      }
      let loweredBase = lower(base, into: &forward)
      guard loweredBase.isActive else { return .inactive(expression.swiftSource) }
      let id = nextID()
      if valueNeeded { forward.add("let _ad_v\(id) = \(loweredBase.valueText).\(name)" + lineComment(range)) }
      return .member(id: id, base: loweredBase, path: name)
    case .cast(let inner, let kind, _, let range):
      guard kind == .as else {
        refuse("the cast '\(kind.rawValue)' is not supported on a differentiated value; use 'as' or a conversion such as Double(x)", at: range)
        return .inactive(expression.swiftSource)
      }
      return lower(inner, into: &forward, valueNeeded: valueNeeded)
    case .subscript(let base, let arguments, let range):
      if case .identifier(let name, _) = base, isFreeVariable(name), !arguments.contains(where: { isStrictlyActive($0.value) }) {
        return implicitRead(expression, at: range, into: &forward)
      }
      if arguments.count == 2, arguments[0].label == nil, arguments[1].label == "default" {
        // `d[k, default: e]` is `d[k] ?? e`.
        let read = Expression.subscript(base: base, arguments: [arguments[0]], range: range)
        return lower(.binaryOperator(operator: "??", left: read, right: arguments[1].value, range: range), into: &forward, valueNeeded: valueNeeded)
      }
      guard case .identifier(let name, _) = base, activeNames.contains(name), arguments.count == 1, arguments[0].label == nil else {
        refuse("only 'array[index]', 'dictionary[key]' and 'dictionary[key, default: value]' on a differentiated variable are supported; bind the collection to a variable first", at: range)
        return .inactive(expression.swiftSource)
      }
      let index = arguments[0].value
      if isStrictlyActive(index) {
        refuse("an array index or dictionary key must not depend on a differentiated value", at: index.range)
        return .inactive(expression.swiftSource)
      }
      return .element(array: name, index: stableText(index, into: &forward))
    case .closure(let closure):
      refuse("a closure that uses a differentiated value can be passed to map, filter, reduce or a @Differentiable free function, or bound with 'let' and called; here it cannot: move the code into a @Differentiable function", at: closure.range)
      return .inactive(expression.swiftSource)
    case .arrayLiteral(let elements, let range):
      let lowered = elements.map { lower($0, into: &forward) }
      let id = nextID()
      forward.add("let _ad_v\(id) = [\(lowered.map(\.valueText).joined(separator: ", "))]" + lineComment(range))
      return .arrayLiteral(id: id, elements: lowered)
    case .dictionaryLiteral(let elements, let range):
      if let key = elements.first(where: { isStrictlyActive($0.key) })?.key {
        refuse("a dictionary key must not depend on a differentiated value", at: key.range)
        return .inactive(expression.swiftSource)
      }
      let keys = elements.map { stableText($0.key, into: &forward) }
      let values = elements.map { lower($0.value, into: &forward) }
      let id = nextID()
      let pairs = zip(keys, values).map { "\($0): \($1.valueText)" }.joined(separator: ", ")
      forward.add("let _ad_v\(id) = [\(pairs)]" + lineComment(range))
      return .dictionaryLiteral(id: id, keys: keys, values: values)
    case .tuple(let elements, let range):
      let lowered = elements.map { lower($0.value, into: &forward) }
      let id = nextID()
      let parts = zip(elements, lowered).map { ($0.label.map { "\($0): " } ?? "") + $1.valueText }.joined(separator: ", ")
      forward.add("let _ad_v\(id) = (\(parts))" + lineComment(range))
      return .tupleLiteral(id: id, elements: lowered)
    case .forceUnwrap(let inner, let range):
      let operand = lower(inner, into: &forward)
      return emitOperation("\(RuleNames.function)(forceUnwrap: \(operand.valueText))", operands: [operand], valueNeeded: valueNeeded, at: range, into: &forward)
    case .optionalChain(_, let range):
      refuse("optional chaining ('?.') on a differentiated value is not supported; unwrap it first with 'if let', 'guard let', '??' or '!'", at: range)
      return .inactive(expression.swiftSource)
    case .try(_, _, let range):
      refuse("'try' is not supported in a differentiated expression; differentiable functions cannot throw yet", at: range)
      return .inactive(expression.swiftSource)
    case .await(_, let range):
      refuse("'await' is not supported in a differentiated expression", at: range)
      return .inactive(expression.swiftSource)
    case .macroExpansion(let name, _, _, let range):
      if NestedDerivatives.derivativeMacros.contains(name) {
        refuse("a nested '#\(name)' is differentiated only inside the closure literal of #derivative, #gradient or #valueWithGradient, or in a @Differentiable function generic over ElementaryFloatingPoint; move it there, or use #hessian", at: range)
        return .inactive(expression.swiftSource)
      }
      refuse("the macro '#\(name)' cannot be used on a differentiated value here; compute it outside the differentiated function", at: range)
      return .inactive(expression.swiftSource)
    case .postfixOperator(let op, _, let range):
      refuse("the postfix operator '\(op)' is not supported on a differentiated value", at: range)
      return .inactive(expression.swiftSource)
    case .unknown(let text, let range):
      refuse("this expression cannot be differentiated: '\(text.prefix(40))'; rewrite it with if/else, or wrap it in dropgrad(_:)", at: range)
      return .inactive(expression.swiftSource)
    }
  }

  /// Whether an expression depends on the differentiated parameters (not only on free variables):
  /// indices, conditions and loop sequences must not.
  func isStrictlyActive(_ expression: Expression) -> Bool {
    !expression.differentiableNamesRead.isDisjoint(with: strictlyActiveNames)
      || !expression.calleeNames.isDisjoint(with: strictlyActiveNames)
  }

  /// A read of a free variable (or of a property or element of one) through
  /// `_vjp(implicit:)`: a Tensor tracked by `#gradient(Params(...))` receives its gradient by
  /// identity; any other value passes unchanged.
  func implicitRead(_ expression: Expression, at range: SourceRange, into forward: inout Code) -> Lowered {
    emitOperation("\(RuleNames.function)(implicit: \(expression.swiftSource))", operands: [], returnsVoid: true, valueNeeded: true, at: range, into: &forward)
  }

  /// Whether the expression's value never carries a derivative, whatever it reads.
  func isInactiveResult(_ expression: Expression) -> Bool {
    switch expression {
    case .binaryOperator(let op, _, _, _): return RuleNames.inactiveOperators.contains(op)
    case .prefixOperator("!", _, _): return true
    case .booleanLiteral, .integerLiteral, .stringLiteral: return true
    case .parenthesized(let inner, _): return isInactiveResult(inner)
    default: return false
    }
  }

  private func lowerCall(
    _ expression: Expression, callee: Expression, arguments: [Argument], trailing: [TrailingClosure],
    range: SourceRange, valueNeeded: Bool, into forward: inout Code
  ) -> Lowered {
    switch callee {
    case .identifier(let name, _) where name == Self.checkpointedName:
      return lowerCheckpointed(expression, arguments: arguments, range: range, valueNeeded: valueNeeded, into: &forward)
    case .identifier(let name, let nameRange) where activeNames.contains(name) && !closureParameters.contains(name):
      // `model(x)` on a differentiated value calls its `callAsFunction`.
      let method = Expression.member(base: callee, name: "callAsFunction", range: nameRange)
      return lowerCall(
        .call(callee: method, arguments: arguments, trailingClosures: trailing, range: range), callee: method, arguments: arguments,
        trailing: trailing, range: range, valueNeeded: valueNeeded, into: &forward)
    case .identifier(let name, _) where closureParameters.contains(name):
      // A call of a closure parameter: the closure's rule, always run (its captures may be differentiated).
      if !trailing.isEmpty {
        refuse("a trailing closure passed to the closure parameter '\(name)' cannot be differentiated", at: range)
        return .inactive(expression.swiftSource)
      }
      let operands = arguments.map { lower($0.value, into: &forward) }
      let ruleCall = "\(RuleNames.closureRulePrefix)\(name)(\(operands.map(\.valueText).joined(separator: ", ")))"
      return emitOperation(ruleCall, operands: operands, valueNeeded: valueNeeded, at: range, into: &forward)
    case .identifier(let name, let nameRange):
      if RuleNames.inactiveCallees.contains(name) { return .inactive(expression.swiftSource) }
      // Closure literals, trailing ones included, are passed as their rules.
      let allArguments = arguments + trailing.map { Argument(label: $0.label, value: .closure($0.closure), range: $0.closure.range) }
      let operands = allArguments.map { argument -> Lowered in
        if case .closure(let closure) = argument.value, !RuleNames.libraryFunctions.contains(name) {
          return lowerClosureArgument(closure, at: argument.range, into: &forward)
        }
        return lower(argument.value, into: &forward)
      }
      if !operands.contains(where: \.isActive) && !implicitParameters.callsAreActive {
        return .inactive(expression.swiftSource)
      }
      if operands.isEmpty {
        refuse("a call of '\(name)' with no arguments cannot be differentiated; pass the differentiated values as arguments", at: nameRange)
        return .inactive(expression.swiftSource)
      }
      let ruleCall: String
      if RuleNames.isTypeName(name), !FunctionRuleGenerator.scalarTypes.contains(name), !RuleNames.libraryFunctions.contains(name) {
        // An initializer: the struct macro generates `static func _vjpm(init: ...)`.
        let call = "\(name).\(RuleNames.method)(init: \(operands.map(\.valueText).joined(separator: ", ")))"
        return emitOperation(call, operands: [.inactive(name)] + operands, valueNeeded: valueNeeded, at: range, into: &forward)
      } else if let local = localFunctionRules[name] {
        ruleCall = "\(local)(\(operands.map(\.valueText).joined(separator: ", ")))"
      } else if implicitParameters.recordsCalls, !RuleNames.libraryFunctions.contains(name),
        (1...RecordingPrologue.maximumParameterCount).contains(operands.count)
      {
        let arguments = operands.map(\.valueText).joined(separator: ", ")
        // `_ZygoteModuleRules` is resolved here, in the user's module, where the build plugin's
        // output may declare one that lists its rules (Params/PullbackRecording.swift).
        ruleCall = "\(RuleNames.function)(recording: \(name), \(arguments), named: \"\(name)\", rules: _ZygoteModuleRules.rules(named:))"
      } else {
        ruleCall = "\(RuleNames.function)(\(RuleNames.label(name)): \(operands.map(\.valueText).joined(separator: ", ")))"
        if !RuleNames.libraryFunctions.contains(name) {
          if !unresolvedCallees.contains(where: { $0.name == name }) { unresolvedCallees.append((name, RuleNames.label(name), range)) }
          // A missing rule is reported by the compiler at the user's line, not in the expansion.
          if !lineTable.fileName.isEmpty, let line = lineTable.line(of: range.start) {
            forward.add("#sourceLocation(file: \"\(lineTable.fileName)\", line: \(line))")
            let lowered = emitOperation(ruleCall, operands: operands, valueNeeded: valueNeeded, at: .synthesized, into: &forward)
            forward.add("#sourceLocation()")
            return lowered
          }
        }
      }
      return emitOperation(ruleCall, operands: operands, valueNeeded: valueNeeded, at: range, into: &forward)
    case .member(let base, let name, _):
      if RuleNames.inactiveMembers.contains(name) { return .inactive(expression.swiftSource) }
      if !trailing.isEmpty {
        refuse("a call with a trailing closure cannot be differentiated yet: '\(name)'", at: range)
        return .inactive(expression.swiftSource)
      }
      let receiver: Lowered
      if case .identifier(let baseName, _) = base, !activeNames.contains(baseName), !isFreeVariable(baseName),
        RuleNames.isTypeName(baseName) || baseName == "self"
      {
        receiver = .inactive(base.swiftSource)
      } else {
        receiver = lower(base, into: &forward)
      }
      let operands = arguments.map { lower($0.value, into: &forward) }
      if !receiver.isActive && !operands.contains(where: \.isActive) && !implicitParameters.callsAreActive {
        return .inactive(expression.swiftSource)
      }
      let argumentText = operands.isEmpty ? "()" : operands.map(\.valueText).joined(separator: ", ")
      let receiverText = receiver.isActive ? receiver.valueText : parenthesizedIfNeeded(base)
      let ruleBase = range == mutatingCallRange ? RuleNames.mutatingMethod : RuleNames.method
      let ruleCall = "\(receiverText).\(ruleBase)(\(RuleNames.label(name)): \(argumentText))"
      return emitOperation(ruleCall, operands: [receiver] + operands, valueNeeded: valueNeeded, at: range, into: &forward)
    default:
      // A function value: `fs[name]!(x)`, `table[i](x)`.
      if isStrictlyActive(callee) {
        refuse("the called function value depends on a differentiated value; compute it outside the differentiated code", at: callee.range)
        return .inactive(expression.swiftSource)
      }
      let operands = arguments.map { lower($0.value, into: &forward) }
      guard operands.count == 1 else {
        refuse("a function value can be differentiated only with exactly one argument (a DifferentiableFunction)", at: range)
        return .inactive(expression.swiftSource)
      }
      if !operands.contains(where: \.isActive) && !implicitParameters.callsAreActive {
        return .inactive(expression.swiftSource)
      }
      let ruleCall = "\(RuleNames.function)(apply: \(callee.swiftSource), \(operands[0].valueText))"
      return emitOperation(ruleCall, operands: [.inactive(callee.swiftSource)] + operands, valueNeeded: valueNeeded, at: range, into: &forward)
    }
  }

  private func parenthesizedIfNeeded(_ expression: Expression) -> String {
    switch expression {
    case .identifier, .member, .call, .subscript, .parenthesized, .integerLiteral, .floatLiteral:
      return expression.swiftSource
    default:
      return "(\(expression.swiftSource))"
    }
  }


  /// A rule call that may have no rule (an operator without a built-in one): the peer declares a
  /// fallback that names it, and `#sourceLocation` puts the compiler's message at the user's line.
  func emitUnresolvedOperation(
    _ call: String, displayName: String, label: String, operands: [Lowered], valueNeeded: Bool, at range: SourceRange,
    into forward: inout Code
  ) -> Lowered {
    if !unresolvedCallees.contains(where: { $0.label == label }) { unresolvedCallees.append((displayName, label, range)) }
    guard !lineTable.fileName.isEmpty, let line = lineTable.line(of: range.start) else {
      return emitOperation(call, operands: operands, valueNeeded: valueNeeded, at: range, into: &forward)
    }
    forward.add("#sourceLocation(file: \"\(lineTable.fileName)\", line: \(line))")
    let lowered = emitOperation(call, operands: operands, valueNeeded: valueNeeded, at: .synthesized, into: &forward)
    forward.add("#sourceLocation()")
    return lowered
  }

  func emitOperation(
    _ call: String, operands: [Lowered], returnsVoid: Bool = false, valueNeeded: Bool, at range: SourceRange,
    into forward: inout Code
  ) -> Lowered {
    let operation = Operation(id: nextID(), operands: operands, pullbackReturnsVoid: returnsVoid)
    let valueBinding = valueNeeded ? operation.valueName : "_"
    forward.add("let (\(valueBinding), \(operation.pullbackName)) = \(call)" + lineComment(range))
    return .operation(operation)
  }

  private func lowerSelection(
    condition: Expression, whenTrue: Expression, whenFalse: Expression, at range: SourceRange, valueNeeded: Bool,
    into forward: inout Code
  ) -> Lowered {
    let id = nextID()
    var selection = Selection(id: id, whenTrue: whenTrue, whenFalse: whenFalse, savedVariables: [])
    // The backward code of each branch recomputes the branch with rules; it is written now, so
    // that only what it reads is saved.
    func branchCode(_ expression: Expression, facing other: Expression) -> Code {
      guard isActive(expression) else { return Code() }
      var body = Code()
      let lowered = lower(expression, into: &body, valueNeeded: false)
      // Facing `nil`, the branch's value was wrapped into an optional: so is its gradient.
      let seed = other.isNilLiteral ? "_unwrappedTangent(\(selection.seedName))" : selection.seedName
      backpropagate(lowered, seed: seed, into: &body)
      return body
    }
    selection.whenTrueCode = branchCode(whenTrue, facing: whenFalse)
    selection.whenFalseCode = branchCode(whenFalse, facing: whenTrue)
    let used = IdentifierScan.words(in: selection.whenTrueCode.render() + "\n" + selection.whenFalseCode.render())
    selection.savedVariables = whenTrue.namesRead.union(whenFalse.namesRead).intersection(visibleMutableNames)
      .filter(used.contains).sorted()
    forward.add("let \(selection.conditionName) = \(condition.swiftSource)" + lineComment(range))
    for name in selection.savedVariables { forward.add("let _ad_s\(id)_\(name) = \(name)") }
    if valueNeeded {
      forward.add("let \(selection.valueName) = \(selection.conditionName) ? \(whenTrue.swiftSource) : \(whenFalse.swiftSource)")
    }
    return .selection(selection)
  }

  // MARK: - Backward

  /// Appends the backward pass of a lowered expression, given the name (or text) of its gradient.
  func backpropagate(_ lowered: Lowered, seed: String, into backward: inout Code) {
    switch lowered {
    case .inactive:
      break
    case .variable(let name):
      backward.add("_accumulate(&\(adjointName(name)), \(seed))")
      noteMutation(of: adjointName(name))
    case .operation(let operation):
      backpropagate(operation, seed: seed, into: &backward)
    case .selection(let selection):
      backpropagate(selection, seed: seed, into: &backward)
    case .element(let array, let index):
      backward.add("_accumulate(&\(adjointName(array)), at: \(index), \(seed))")
      noteMutation(of: adjointName(array))
    case .arrayLiteral(let id, let elements):
      guard elements.contains(where: \.isActive) else { break }
      let gradient = "_ad_g\(id)"
      backward.add("let \(gradient) = \(seed)")
      for (index, element) in elements.enumerated() where element.isActive {
        backpropagate(element, seed: "\(gradient)[\(index)]", into: &backward)
      }
    case .property(let variable, let path):
      backward.add("_accumulate(&\(adjointName(variable)).\(tangentPath(of: variable, path)), \(seed))")
      noteMutation(of: adjointName(variable))
    case .closureArgument(_, let boxes):
      for (name, box) in boxes {
        backward.add("_accumulate(&\(adjointName(name)), \(box).gradient)")
        noteMutation(of: adjointName(name))
      }
    case .member(let id, let base, let path):
      let gradient = "_ad_g\(id)"
      backward.add("var \(gradient) = _zeroTangent(like: \(base.valueText))")
      backward.add("_accumulate(&\(gradient).\(path), \(seed))")
      backpropagate(base, seed: gradient, into: &backward)
    case .tupleLiteral(let id, let elements):
      guard elements.contains(where: \.isActive) else { break }
      let gradient = "_ad_g\(id)"
      backward.add("let \(gradient) = \(seed)")
      for (index, element) in elements.enumerated() where element.isActive {
        backpropagate(element, seed: "\(gradient).\(index)", into: &backward)
      }
    case .dictionaryLiteral(let id, let keys, let values):
      guard values.contains(where: \.isActive) else { break }
      let gradient = "_ad_g\(id)"
      backward.add("let \(gradient) = \(seed)")
      for (key, value) in zip(keys, values) where value.isActive {
        backpropagate(value, seed: "_elementGradient(\(gradient), at: \(key))", into: &backward)
      }
    }
  }

  /// The path of `variable.path` in the variable's gradient: the same names for a struct, and
  /// positions for a tuple whose labels the body spells out (tuple gradients are unlabelled).
  func tangentPath(of variable: String, _ path: String) -> String {
    guard let labels = tupleLabels[variable] else { return path }
    var components = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    if let index = labels.firstIndex(where: { $0 == components[0] }) { components[0] = String(index) }
    return components.joined(separator: ".")
  }

  /// `p.a.b` as the variable `p` and the path `a.b`.
  func propertyPath(_ expression: Expression) -> (variable: String, path: String)? {
    switch expression {
    case .member(.identifier(let variable, _), let name, _):
      return (variable, name)
    case .member(let base, let name, _):
      guard let (variable, path) = propertyPath(base) else { return nil }
      return (variable, path + "." + name)
    default:
      return nil
    }
  }

  /// The text of an inactive expression whose value the backward pass needs again: literals and
  /// names that never change are used as they are, anything else is bound to a constant first.
  func stableText(_ expression: Expression, into forward: inout Code) -> String {
    switch expression {
    case .integerLiteral, .floatLiteral:
      return expression.swiftSource
    case .identifier(let name, _) where !mutableNames.contains(name):
      return name
    default:
      let name = "_ad_i\(nextID())"
      forward.add("let \(name) = \(expression.swiftSource)")
      return name
    }
  }

  private func backpropagate(_ operation: Operation, seed: String, into backward: inout Code) {
    let call = "\(operation.pullbackName)(\(seed))"
    if operation.pullbackReturnsVoid {
      backward.add(call)
      return
    }
    let operands = operation.operands
    if operands.count == 1 {
      switch operands[0] {
      case .inactive:
        backward.add("_ = \(call)")
      case .closureArgument:
        backward.add("_ = \(call)")
        backpropagate(operands[0], seed: "", into: &backward)
      case .variable(let name):
        backward.add("_accumulate(&\(adjointName(name)), \(call))")
        noteMutation(of: adjointName(name))
      default:
        let gradient = "_ad_g\(operation.id)"
        backward.add("let \(gradient) = \(call)")
        backpropagate(operands[0], seed: gradient, into: &backward)
      }
      return
    }
    let names = operands.indices.map { index -> String in
      if case .closureArgument = operands[index] { return "_" }
      return operands[index].isActive ? "_ad_g\(operation.id)_\(index)" : "_"
    }
    if names.allSatisfy({ $0 == "_" }) {
      backward.add("_ = \(call)")
      for operand in operands { if case .closureArgument = operand { backpropagate(operand, seed: "", into: &backward) } }
      return
    }
    backward.add("let (\(names.joined(separator: ", "))) = \(call)")
    for (index, operand) in operands.enumerated() where operand.isActive {
      backpropagate(operand, seed: names[index], into: &backward)
    }
  }

  private func backpropagate(_ selection: Selection, seed: String, into backward: inout Code) {
    func branch(_ body: Code) -> Code {
      let used = IdentifierScan.words(in: body.render())
      var code = Code()
      for name in selection.savedVariables where used.contains(name) { code.add("let \(name) = _ad_s\(selection.id)_\(name)") }
      code.add(body)
      return code
    }
    if selection.whenTrueCode.isEmpty && selection.whenFalseCode.isEmpty { return }
    backward.add("let \(selection.seedName) = \(seed)")
    var code = Code()
    code.addBlock("if \(selection.conditionName) {", branch(selection.whenTrueCode), closing: "} else {")
    code.add(branch(selection.whenFalseCode), depth: 1)
    code.add("}")
    backward.add(code)
  }

  /// The accumulator of a variable's gradient.
  func adjointName(_ name: String) -> String {
    "_ad_d_" + (name.hasPrefix("$") ? "arg" + name.dropFirst() : name)
  }
}

extension Expression {
  /// `optional != nil`, the condition of the selections `??`, `?.` and `if let` are rewritten into.
  static func isNotNil(_ optional: Expression, range: SourceRange = .synthesized) -> Expression {
    .binaryOperator(operator: "!=", left: optional, right: .nilLiteral(range: .synthesized), range: range)
  }

  /// For a postfix chain with `?` (`o?.a.f()`): the optional at the innermost `?` and the chain
  /// with that `?` replaced by `!` (`o!.a.f()`).
  func unwrappingOptionalChain() -> (optional: Expression, unwrapped: Expression)? {
    switch self {
    case .member(let base, let name, let range):
      if case .optionalChain(let inner, let chainRange) = base {
        return inner.unwrappingOptionalChain().map { ($0.optional, .member(base: .optionalChain($0.unwrapped, range: chainRange), name: name, range: range)) }
          ?? (inner, .member(base: .forceUnwrap(inner, range: chainRange), name: name, range: range))
      }
      return base.unwrappingOptionalChain().map { ($0.optional, .member(base: $0.unwrapped, name: name, range: range)) }
    case .call(let callee, let arguments, let trailing, let range):
      return callee.unwrappingOptionalChain().map { ($0.optional, .call(callee: $0.unwrapped, arguments: arguments, trailingClosures: trailing, range: range)) }
    case .subscript(let base, let arguments, let range):
      if case .optionalChain(let inner, let chainRange) = base {
        return inner.unwrappingOptionalChain().map { ($0.optional, .subscript(base: .optionalChain($0.unwrapped, range: chainRange), arguments: arguments, range: range)) }
          ?? (inner, .subscript(base: .forceUnwrap(inner, range: chainRange), arguments: arguments, range: range))
      }
      return base.unwrappingOptionalChain().map { ($0.optional, .subscript(base: $0.unwrapped, arguments: arguments, range: range)) }
    default:
      return nil
    }
  }

  /// Whether the expression is `nil` (in parentheses or not).
  var isNilLiteral: Bool {
    switch self {
    case .nilLiteral: return true
    case .parenthesized(let inner, _): return inner.isNilLiteral
    default: return false
    }
  }

  /// Whether the expression contains a call of a function (not a type's initializer).
  var containsFunctionCall: Bool {
    switch self {
    case .call(let callee, let arguments, _, _):
      if case .identifier(let name, _) = callee, RuleNames.isTypeName(name) || RuleNames.inactiveCallees.contains(name) {
        return arguments.contains { $0.value.containsFunctionCall }
      }
      return true
    case .parenthesized(let inner, _), .prefixOperator(_, let inner, _), .member(let inner, _, _),
      .cast(let inner, _, _, _):
      return inner.containsFunctionCall
    case .binaryOperator(_, let left, let right, _):
      return left.containsFunctionCall || right.containsFunctionCall
    case .ternary(let condition, let then, let otherwise, _):
      return condition.containsFunctionCall || then.containsFunctionCall || otherwise.containsFunctionCall
    default:
      return false
    }
  }
}
