// The differentiator turns a body into its forward pass and its backward pass.
//
// A function `A -> B` becomes `A -> (B, B.Tangent -> A.Tangent)`. Within a block, statements
// are handled by kind:
// - straight-line statements run their rule calls in the forward pass and reverse them, in
//   reverse order, in the backward pass (see Lowering.swift);
// - compound statements (`if`, `switch`, loops) run as written in the forward pass, saving
//   just enough to replay them: the branch taken, and for loops one tape entry per iteration
//   with the loop variable and the variables the loop assigns. Their backward pass restores
//   that state and differentiates the branch or iteration body as a block of its own, forward
//   then backward, iteration by iteration in reverse. Loops keep their shape; nothing is
//   unrolled, and no closure is allocated per iteration.

/// How a function's free variables are treated.
struct ImplicitParameterMode {
  /// Whether every call of a function is differentiated even with no active argument (inside
  /// `#gradient(Params(...)) { ... }`, where any callee may read a parameter).
  var callsAreActive = false
  /// Whether calls of functions are rule calls found at run time, `_vjp(recording: f, x, named:
  /// "f")`: in a `#gradient(Params(...))` closure inside a function, where `f` may be nested in
  /// that function and its rule has no name the closure can use (RecordingPrologue.swift).
  var recordsCalls = false
}

/// What a `return` means in the block being differentiated.
enum ReturnHandling {
  /// The forward pass binds the value to `name` (of type `type`, when known) and the backward
  /// pass seeds it with `seed`.
  case define(name: String, type: String?, seed: String)
  /// The value was computed already (a recomputed branch): only its backward pass is needed.
  case backpropagate(seed: String)
  /// No `return` may appear here.
  case forbidden
}

/// The forward and backward code of a block.
struct DifferentiatedBlock {
  var forward = Code()
  /// Declarations of the gradient accumulators of active variables the block declares.
  var accumulators = Code()
  /// The backward pass, in execution order.
  var backward = Code()

  /// Forward, accumulators, backward: a block that runs both passes in place.
  var inPlace: Code {
    var code = forward
    code.add(accumulators)
    code.add(backward)
    return code
  }
}

/// Differentiates the body of one function or closure.
final class Differentiator {
  /// Names of active variables: parameters being differentiated and everything computed from them.
  private(set) var activeNames: Set<String>
  /// Active names that derive from the differentiated parameters (not only from free variables).
  private(set) var strictlyActiveNames: Set<String>
  /// Names declared with `var` anywhere in the body (and `inout` parameters).
  let mutableNames: Set<String>
  /// Names bound in the body or as parameters: any other name is free (a global or a capture).
  let boundNames: Set<String>
  /// Nested functions of the body that have their own rule, and that rule's name.
  let localFunctionRules: [String: String]
  let implicitParameters: ImplicitParameterMode
  /// The user's file and the line of the body's first character, for `#sourceLocation`-style comments.
  let lineTable: LineTable
  private(set) var diagnostics: [Diagnostic] = []
  /// Free functions called with a differentiated argument that are not runtime rules, with the
  /// first call's range: the peer declares a fallback that names them if they have no rule.
  var unresolvedCallees: [(name: String, label: String, range: SourceRange)] = []
  private var counter = 0
  /// Accumulators the generated backward pass changes.
  private(set) var mutatedAdjoints: Set<String> = []
  /// Mutable variables visible at the statement being differentiated.
  private(set) var visibleMutableNames: Set<String> = []
  /// The labels of tuple variables whose type the body spells out (a labelled tuple literal, a
  /// tuple-typed parameter or declaration): `t.label` then reads position `i` of the gradient.
  var tupleLabels: [String: [String?]] = [:]
  /// `variable.property` paths with no derivative (a struct's integer property read through
  /// `self`): reads are inactive, and writes are left as written.
  var inactiveProperties: Set<String> = []
  /// Function-typed parameters of a higher-order function: each holds the rule of a closure, so
  /// a call of one is a rule call (see ClosureArguments.swift).
  var closureParameters: Set<String> = []
  /// The call statement being differentiated as a `mutating` method call (`p.move(by: t)`):
  /// its rule is `_vjpmut`.
  var mutatingCallRange: SourceRange?
  /// Arrays whose appends a loop's replay skips: the loop does not save them per iteration.
  var suppressedAppends: Set<String> = []

  init(
    parameters: [String], body: [Statement], localFunctionRules: [String: String],
    implicitParameters: ImplicitParameterMode, lineTable: LineTable, inoutParameters: [String] = [],
    otherParameters: [String] = []
  ) {
    var bound = Set(parameters).union(otherParameters)
    for statement in body { bound.formUnion(statement.namesDeclared) }
    let locals = FunctionRuleGenerator.nestedDifferentiableFunctions(in: body)
    let analysis = ActivityAnalysis(parameters: parameters, body: body) { name in
      Differentiator.isFreeVariable(name, bound: bound, localFunctions: locals)
    }
    self.activeNames = analysis.activeNames
    self.strictlyActiveNames = analysis.strictlyActiveNames
    self.mutableNames = analysis.mutableNames.union(inoutParameters)
    self.visibleMutableNames = Set(inoutParameters)
    self.boundNames = analysis.boundNames.union(otherParameters)
    self.localFunctionRules = localFunctionRules
    self.implicitParameters = implicitParameters
    self.lineTable = lineTable
    if let keyword = analysis.boundNames.subtracting(["self", "Self", "super"]).intersection(RuleNames.keywords).sorted().first {
      var range = lineTable.wholeRange
      for statement in body {
        statement.forEachStatement { inner in
          guard case .variable(let declaration) = inner, range == lineTable.wholeRange else { return }
          if let binding = declaration.bindings.first(where: { $0.pattern.boundNames.contains(keyword) }) { range = binding.range }
        }
      }
      diagnostics.append(.error("the variable '`\(keyword)`' is named like a keyword; rename it to differentiate this code", at: range))
    }
  }

  /// Records that the backward pass changes an accumulator, so that it is declared with `var`
  /// (the others are declared with `let`).
  func noteMutation(of adjoint: String) {
    mutatedAdjoints.insert(adjoint)
  }

  /// Makes a generated variable active (a hoisted value that the loop's replay differentiates).
  func activate(_ name: String) {
    activeNames.insert(name)
  }

  func nextID() -> Int {
    counter += 1
    return counter
  }

  /// Adds the diagnostics of code generated for part of the body (a closure argument).
  func record(_ more: [Diagnostic]) {
    diagnostics += more
  }

  func refuse(_ message: String, at range: SourceRange) {
    if diagnostics.contains(where: { $0.range == range }) { return }
    diagnostics.append(.error(message, at: range))
  }

  /// Whether a name read as a value is a free variable (a global or a capture, which may be an
  /// implicit parameter): not bound in the body, not `self`, not spelled like a type. A name is
  /// taken for a type when it starts with an upper-case letter and has a lower-case one (`Tensor`);
  /// `W`, `W1` and `GW` are variables.
  static func isFreeVariable(_ name: String, bound: Set<String>, localFunctions: [String: String]) -> Bool {
    guard !bound.contains(name), name != "self", name != "super", !name.hasPrefix("$"), !name.hasPrefix("_ad_"),
      localFunctions[name] == nil, let first = name.first, first.isLetter || first == "_"
    else { return false }
    return !looksLikeTypeName(name)
  }

  static func looksLikeTypeName(_ name: String) -> Bool {
    guard let first = name.first, first.isUppercase else { return false }
    return name.contains(where: { $0.isLowercase })
  }

  func isFreeVariable(_ name: String) -> Bool {
    Differentiator.isFreeVariable(name, bound: boundNames, localFunctions: localFunctionRules)
  }

  /// A trailing comment naming the user's line, so that a reader can find the source of each rule call.
  func lineComment(_ range: SourceRange) -> String {
    guard range != .synthesized, let line = lineTable.line(of: range.start) else { return "" }
    return "  // line \(line)"
  }

  // MARK: - Blocks

  /// Differentiates a block whose statements run in order.
  ///
  /// - Parameter inPlace: whether the caller runs the backward pass right after the forward pass
  ///   (a replayed branch or loop iteration). Then a final `if` or `switch` needs no replay of its
  ///   own: its branch is differentiated where it is taken.
  func differentiate(_ statements: [Statement], returns: ReturnHandling, inPlace: Bool = false) -> DifferentiatedBlock {
    let savedVisible = visibleMutableNames
    defer { visibleMutableNames = savedVisible }
    var block = DifferentiatedBlock()
    var backwardChunks: [Code] = []
    var declaredActive: [String] = []
    for (index, statement) in statements.enumerated() {
      var backward = Code()
      if inPlace, index == statements.count - 1, statement.isBranch, isActiveStatement(statement) {
        backward = differentiateBranchesWhereTaken(statement, returns: returns)
      } else {
        differentiate(statement, returns: returns, forward: &block.forward, backward: &backward, declaredActive: &declaredActive)
      }
      backwardChunks.append(backward)
      for name in statement.directlyDeclaredNames where mutableNames.contains(name) {
        visibleMutableNames.insert(name)
      }
    }
    for chunk in backwardChunks.reversed() { block.backward.add(chunk) }
    var seen = Set<String>()
    for name in declaredActive where seen.insert(name).inserted {
      let adjoint = adjointName(name)
      block.accumulators.add("\(mutatedAdjoints.contains(adjoint) ? "var" : "let") \(adjoint) = _zeroTangent(like: \(name))")
    }
    return block
  }

  private func differentiate(
    _ statement: Statement, returns: ReturnHandling, forward: inout Code, backward: inout Code,
    declaredActive: inout [String]
  ) {
    switch statement {
    case .variable(let declaration):
      differentiateDeclaration(declaration, forward: &forward, backward: &backward, declaredActive: &declaredActive)
    case .assignment(let target, let op, let value, let range):
      differentiateAssignment(target: target, op: op, value: value, range: range, statement: statement, forward: &forward, backward: &backward)
    case .return(let value, let range):
      differentiateReturn(value, range: range, returns: returns, forward: &forward, backward: &backward)
    case .expression(let expression):
      if case .call(.member(.identifier(let array, _), "append", _), let arguments, let trailing, _) = expression,
        arguments.count == 1, arguments[0].label == nil, trailing.isEmpty, activeNames.contains(array)
      {
        // The appended element's gradient is the last element of the array's gradient; the
        // backward pass takes it off, so the gradient shrinks back as the array grew.
        let lowered = lower(arguments[0].value, into: &forward)
        if suppressedAppends.contains(array) {
          forward.add("_ = \(lowered.valueText)")
        } else {
          forward.add("\(array).append(\(lowered.valueText))" + lineComment(expression.range))
        }
        let gradient = "_ad_g\(nextID())"
        backward.add("let \(gradient) = \(adjointName(array)).removeLast()")
        noteMutation(of: adjointName(array))
        backpropagate(lowered, seed: gradient, into: &backward)
        return
      }
      if case .call(.member(.identifier(let variable, let variableRange), let method, _), _, let trailing, let range) = expression,
        activeNames.contains(variable), trailing.isEmpty, !Statement.mutatingMethods.contains(method)
      {
        // `p.move(by: t)` on a differentiated struct: its mutating method's rule returns the
        // new value (see SelfDifferentiation.swift), so the call is the assignment `p = ...`.
        mutatingCallRange = range
        defer { mutatingCallRange = nil }
        differentiateAssignment(
          target: .identifier(name: variable, range: variableRange), op: "=", value: expression, range: range, statement: statement,
          forward: &forward, backward: &backward)
        return
      }
      if isStrictlyActive(expression), !isIgnorableCall(expression) {
        refuse("a statement whose result is unused cannot use a differentiated value here (a mutating method such as 'append' or an 'inout' argument loses its derivative); assign the result to a variable", at: expression.range)
      }
      forward.add(ASTPrinter.print([statement], indent: ""))
    case .if, .switch, .forIn, .while, .repeatWhile:
      differentiateCompound(statement, returns: returns, forward: &forward, backward: &backward, declaredActive: &declaredActive)
    case .break, .continue:
      // Only at the end of a replayed loop body, where the iteration simply ends.
      break
    case .function(let function):
      differentiateNestedFunction(function, forward: &forward)
    case .guard(_, _, let range):
      // Guards are rewritten to `if` before differentiation; one left here is in a position
      // the restructuring does not reach.
      refuse("this 'guard' cannot be differentiated here; rewrite it as 'if'", at: range)
    case .throw(_, let range):
      if isActiveStatement(statement) {
        refuse("'throw' is not supported in a differentiable function", at: range)
      }
      forward.add(ASTPrinter.print([statement], indent: ""))
    case .defer(_, let range), .do(_, _, _, let range):
      if isActiveStatement(statement) {
        refuse("'\(statement.keyword)' blocks that touch differentiated values are not supported yet", at: range)
      }
      forward.add(ASTPrinter.print([statement], indent: ""))
    case .fallthrough(let range):
      refuse("'fallthrough' is not supported in a differentiable function; repeat the code in each case", at: range)
    case .other:
      forward.add(ASTPrinter.print([statement], indent: ""))
    }
  }

  /// Calls whose effects have no derivative: printing and checks.
  private func isIgnorableCall(_ expression: Expression) -> Bool {
    if case .call(.identifier(let name, _), _, _, _) = expression { return RuleNames.inactiveCallees.contains(name) }
    return false
  }

  func isActiveStatement(_ statement: Statement) -> Bool {
    let touched = statement.namesRead.union(statement.namesAssigned)
    if !touched.isDisjoint(with: activeNames) { return true }
    if implicitParameters.callsAreActive {
      var callsFunction = false
      statement.forEachStatement { inner in
        switch inner {
        case .expression(let e), .return(let e?, _), .assignment(_, _, let e, _):
          if e.containsFunctionCall { callsFunction = true }
        case .variable(let declaration):
          if declaration.bindings.contains(where: { $0.initializer?.containsFunctionCall == true }) { callsFunction = true }
        default: break
        }
      }
      return callsFunction
    }
    return false
  }

  // MARK: - Straight-line statements

  private func differentiateDeclaration(
    _ declaration: VariableDeclaration, forward: inout Code, backward: inout Code, declaredActive: inout [String]
  ) {
    let keyword = declaration.isVariable ? "var" : "let"
    var reverseChunks: [Code] = []
    for binding in declaration.bindings {
      let names = binding.pattern.boundNames
      let typeText = binding.type.map { ": \($0.swiftSource)" } ?? ""
      guard let initializer = binding.initializer, isActive(initializer) else {
        var text = "\(keyword) \(binding.pattern.swiftSource)\(typeText)"
        if let initializer = binding.initializer { text += " = \(initializer.swiftSource)" }
        if let accessors = binding.accessors { text += " \(accessors)" }
        forward.add(text)
        declaredActive += names.filter(activeNames.contains)
        continue
      }
      noteTupleLabels(of: binding)
      guard case .identifier(let name, _) = binding.pattern else {
        differentiateDestructuring(binding, keyword: keyword, forward: &forward, reverseChunks: &reverseChunks, declaredActive: &declaredActive)
        continue
      }
      let lowered = lower(initializer, into: &forward)
      forward.add("\(keyword) \(name)\(typeText) = \(lowered.valueText)" + lineComment(binding.range))
      declaredActive.append(name)
      var reverse = Code()
      // `let o: Double? = e`: Swift may have wrapped the value of `e`; its gradient is unwrapped.
      let seed = binding.type?.isOptional == true ? "_unwrappedTangent(\(adjointName(name)))" : adjointName(name)
      backpropagate(lowered, seed: seed, into: &reverse)
      reverseChunks.append(reverse)
    }
    for chunk in reverseChunks.reversed() { backward.add(chunk) }
  }

  /// `let (a, (b, _)) = e`: declared as written; `e` receives the tuple of the names' gradients
  /// (a zero where the pattern discards an element).
  private func differentiateDestructuring(
    _ binding: PatternBinding, keyword: String, forward: inout Code, reverseChunks: inout [Code], declaredActive: inout [String]
  ) {
    guard let initializer = binding.initializer else { return }
    var pattern = binding.pattern
    var typeText = binding.type.map { ": \($0.swiftSource)" } ?? ""
    if case .typed(let inner, let type, _) = pattern {
      pattern = inner
      typeText = ": \(type.swiftSource)"
    }
    let lowered = lower(initializer, into: &forward)
    // The value is bound to a name first, so that a discarded element's zero can be taken from it.
    let whole = "_ad_v\(nextID())"
    forward.add("let \(whole)\(typeText) = \(lowered.valueText)" + lineComment(binding.range))
    forward.add("\(keyword) \(pattern.swiftSource) = \(whole)")
    func seed(of pattern: Pattern, at path: String) -> String? {
      switch pattern {
      case .identifier(let name, _):
        declaredActive.append(name)
        return adjointName(name)
      case .wildcard:
        return "_zeroTangent(like: \(path))"
      case .typed(let inner, _, _):
        return seed(of: inner, at: path)
      case .tuple(let elements, _):
        var parts: [String] = []
        for (index, element) in elements.enumerated() {
          guard let part = seed(of: element.pattern, at: "\(path).\(index)") else { return nil }
          parts.append(part)
        }
        return "(\(parts.joined(separator: ", ")))"
      case .other:
        return nil
      }
    }
    guard let tupleSeed = seed(of: pattern, at: whole) else {
      refuse("this pattern cannot bind a differentiated value; use names, '_' and nested tuples", at: binding.range)
      return
    }
    var reverse = Code()
    backpropagate(lowered, seed: tupleSeed, into: &reverse)
    reverseChunks.append(reverse)
  }

  /// Records the labels of a tuple variable whose type the declaration spells out.
  private func noteTupleLabels(of binding: PatternBinding) {
    guard case .identifier(let name, _) = binding.pattern else { return }
    if case .tuple(let elements)? = binding.type, elements.contains(where: { $0.label != nil }) {
      tupleLabels[name] = elements.map(\.label)
    } else if case .tuple(let elements, _)? = binding.initializer, elements.contains(where: { $0.label != nil }) {
      tupleLabels[name] = elements.map(\.label)
    } else {
      tupleLabels[name] = nil
    }
  }

  /// Records the labels of a tuple-typed parameter.
  func noteTupleLabels(ofParameter name: String, type: TypeSyntax) {
    if case .tuple(let elements) = type, elements.contains(where: { $0.label != nil }) {
      tupleLabels[name] = elements.map(\.label)
    }
  }

  func differentiateAssignment(
    target: Expression, op: String, value: Expression, range: SourceRange, statement: Statement,
    forward: inout Code, backward: inout Code
  ) {
    if case .subscript(.identifier(let array, _), let arguments, _) = target, activeNames.contains(array),
      arguments.count == 1, arguments[0].label == nil
    {
      differentiateElementAssignment(array: array, index: arguments[0].value, op: op, value: value, range: range, forward: &forward, backward: &backward)
      return
    }
    if case .member = target, let (variable, path) = propertyPath(target), inactiveProperties.contains("\(variable).\(path)") {
      if isStrictlyActive(value) {
        let shown = target.swiftSource.replacingOccurrences(of: SelfDifferentiation.name + ".", with: "self.")
        refuse("'\(shown)' has no derivative, but is assigned a differentiated value; wrap the value in dropgrad(_:)", at: value.range)
      }
      forward.add(ASTPrinter.print([statement], indent: ""))
      return
    }
    if case .member = target, let (variable, path) = propertyPath(target), activeNames.contains(variable) {
      differentiatePropertyAssignment(variable: variable, path: path, target: target, op: op, value: value, range: range, forward: &forward, backward: &backward)
      return
    }
    if case .discard = target {
      forward.add(ASTPrinter.print([statement], indent: ""))
      return
    }
    guard case .identifier(let name, _) = target else {
      if isActive(value) || target.baseVariable.map(activeNames.contains) == true {
        refuse("assigning to '\(target.swiftSource)' is not supported yet for differentiated values; assign to a local variable", at: target.range)
      }
      forward.add(ASTPrinter.print([statement], indent: ""))
      return
    }
    guard activeNames.contains(name) else {
      forward.add(ASTPrinter.print([statement], indent: ""))
      return
    }
    var assigned = value
    if op != "=" {
      guard let binary = RuleNames.compoundAssignments[op] else {
        refuse("the operator '\(op)' cannot be applied to a differentiated variable", at: range)
        return
      }
      assigned = .binaryOperator(operator: binary, left: target, right: .parenthesized(value, range: value.range), range: range)
    }
    let lowered = lower(assigned, into: &forward)
    forward.add("\(name) = \(lowered.valueText)" + lineComment(range))
    // The gradient of the new value flows into the expression; the old value starts afresh.
    if lowered.isActive {
      let gradient = "_ad_g\(nextID())"
      backward.add("let \(gradient) = \(adjointName(name))")
      backward.add("\(adjointName(name)) = _zeroTangent(like: \(name))")
      backpropagate(lowered, seed: gradient, into: &backward)
    } else {
      backward.add("\(adjointName(name)) = _zeroTangent(like: \(name))")
    }
    noteMutation(of: adjointName(name))
  }

  /// `p.x = e`: the property's gradient flows into `e`, and the property's accumulator starts afresh.
  private func differentiatePropertyAssignment(
    variable: String, path: String, target: Expression, op: String, value: Expression, range: SourceRange,
    forward: inout Code, backward: inout Code
  ) {
    let accumulator = "\(adjointName(variable)).\(tangentPath(of: variable, path))"
    differentiateStore(
      into: target, location: "\(variable).\(path)", accumulator: accumulator, accumulatorValue: accumulator, of: variable,
      what: "property", op: op, value: value, range: range, forward: &forward, backward: &backward)
  }

  /// `xs[i] = e`: the element's gradient flows into `e`, and the element's accumulator starts afresh.
  private func differentiateElementAssignment(
    array: String, index: Expression, op: String, value: Expression, range: SourceRange,
    forward: inout Code, backward: inout Code
  ) {
    if isStrictlyActive(index) {
      refuse("an array index or dictionary key must not depend on a differentiated value", at: index.range)
      return
    }
    let indexText = stableText(index, into: &forward)
    let indexExpression = Expression.identifier(name: indexText, range: .synthesized)
    let element = Expression.subscript(
      base: .identifier(name: array, range: .synthesized),
      arguments: [Argument(label: nil, value: indexExpression, range: .synthesized)], range: .synthesized)
    differentiateStore(
      into: element, location: "\(array)[\(indexText)]", accumulator: "\(adjointName(array))[\(indexText)]",
      accumulatorValue: "_elementGradient(\(adjointName(array)), at: \(indexText))", of: array,
      what: "element", op: op, value: value, range: range, forward: &forward, backward: &backward)
  }

  /// A store into part of a variable (`location`, whose gradient lives in `accumulator`): the
  /// forward pass computes the value with rules and stores it; the backward pass feeds the part's
  /// gradient into the value and starts the part's gradient afresh.
  private func differentiateStore(
    into target: Expression, location: String, accumulator: String, accumulatorValue: String, of variable: String, what: String,
    op: String, value: Expression, range: SourceRange, forward: inout Code, backward: inout Code
  ) {
    var assigned = value
    if op != "=" {
      guard let binary = RuleNames.compoundAssignments[op] else {
        refuse("the operator '\(op)' cannot be applied to a differentiated \(what)", at: range)
        return
      }
      assigned = .binaryOperator(operator: binary, left: target, right: .parenthesized(value, range: value.range), range: range)
    }
    let lowered = lower(assigned, into: &forward)
    forward.add("\(location) = \(lowered.valueText)" + lineComment(range))
    let gradient = "_ad_g\(nextID())"
    if lowered.isActive { backward.add("let \(gradient) = \(accumulatorValue)") }
    backward.add("\(accumulator) = _zeroTangent(like: \(location))")
    noteMutation(of: adjointName(variable))
    backpropagate(lowered, seed: gradient, into: &backward)
  }

  private func differentiateReturn(
    _ value: Expression?, range: SourceRange, returns: ReturnHandling, forward: inout Code, backward: inout Code
  ) {
    guard let value else {
      refuse("a differentiable function must return a value", at: range)
      return
    }
    switch returns {
    case .define(let name, let type, let seed):
      let lowered = lower(value, into: &forward)
      let typeText = type.map { ": \($0)" } ?? ""
      forward.add("let \(name)\(typeText) = \(lowered.valueText)" + lineComment(range))
      // A function that returns an optional may return a value Swift wrapped: unwrap its seed.
      let isOptional = type.map { $0.hasSuffix("?") || $0.hasPrefix("Optional<") } ?? false
      backpropagate(lowered, seed: isOptional ? "_unwrappedTangent(\(seed))" : seed, into: &backward)
    case .backpropagate(let seed):
      var recomputed = Code()
      let lowered = lower(value, into: &recomputed, valueNeeded: false)
      forward.add(recomputed)
      backpropagate(lowered, seed: seed, into: &backward)
    case .forbidden:
      refuse("'return' inside a loop is not supported here, in a loop nested in another loop; assign to a variable and 'break'", at: range)
    }
  }

  private func differentiateNestedFunction(_ function: FunctionDeclaration, forward: inout Code) {
    var stripped = function
    stripped.attributes.removeAll { $0.name == "Differentiable" || $0.name == "Zygote.Differentiable" }
    let captured = (function.body ?? []).reduce(into: Set<String>()) { $0.formUnion($1.namesRead) }
      .subtracting(function.parameters.map(\.name))
    if let name = captured.intersection(activeNames).sorted().first {
      refuse("the nested function '\(function.name)' reads the differentiated variable '\(name)' of the enclosing function; pass it as a parameter instead", at: function.nameRange)
    }
    forward.add(ASTPrinter.print(stripped, indent: ""))
    if localFunctionRules[function.name] != nil {
      let generated = FunctionRuleGenerator.localRule(for: stripped, lineTable: lineTable)
      diagnostics += generated.diagnostics
      if let source = generated.source { forward.add(source) }
    }
  }
}

extension Statement {
  /// The names this statement declares in its enclosing scope (not inside nested blocks).
  var directlyDeclaredNames: [String] {
    switch self {
    case .variable(let declaration): return declaration.bindings.flatMap(\.pattern.boundNames)
    case .function(let function): return [function.name]
    default: return []
    }
  }

  var isBranch: Bool {
    switch self {
    case .if, .switch: return true
    default: return false
    }
  }

  var keyword: String {
    switch self {
    case .defer: return "defer"
    case .do: return "do"
    case .forIn: return "for"
    case .while: return "while"
    case .repeatWhile: return "repeat"
    case .if: return "if"
    case .switch: return "switch"
    case .guard: return "guard"
    default: return "statement"
    }
  }
}
