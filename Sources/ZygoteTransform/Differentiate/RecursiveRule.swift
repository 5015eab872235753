// The rule of a directly recursive function: a forward/backward pair sharing a tape of records.
//
// The ordinary rule runs the body plainly and replays the branch taken with rules in its
// pullback; for a function that calls itself, that replay calls `_vjp` of the callee, which runs
// the whole plain recursion below it again: n levels cost O(n²) calls and a closure per level.
// Here the rule is split in two local functions of `_vjp`:
//
//     func _vjp(p x: Double, _ n: Int) -> (value: Double, pullback: ...) {
//       func _ad_forward(_ x: Double, _ n: Int, _ _ad_tape: Tape) -> (value: Double, index: Int)
//         // the body as written; recursive call k stores its (value, index) in _ad_r<k>, _ad_i<k>;
//         // at exit it appends the record (x, n, _ad_r1, _ad_i1, ...) and returns its index
//       func _ad_backward(_ _ad_seed: Double, _ _ad_index: Int, _ _ad_tape: Tape) -> (Double, NoTangent)
//         // reads record _ad_index and runs _ad_backwardRecord on it
//       func _ad_backwardRecord(_ x: Double, _ n: Int, _ _ad_r1: Double?, _ _ad_i1: Int, _ _ad_seed: Double, _ _ad_tape: Tape) -> ...
//         // the ordinary rule's forward and backward passes in one body, where recursive call k
//         // is the recorded value _ad_r<k>! and its pullback is _ad_backward(g, _ad_i<k>, tape)
//       let _ad_tape = Tape()
//       let (_ad_value, _ad_index) = _ad_forward(x, n, _ad_tape)
//       return (value: _ad_value, pullback: { _ad_seed in _ad_backward(_ad_seed, _ad_index, _ad_tape) })
//     }
//
// Each level runs once forward and once backward. Call sites are told apart by renaming their
// callee `_ad_site<k>_<name>` before lowering: a local function of that name returns the
// recorded value (for code run as written), and the local rule `_ad_vjp_site<k>` (found through
// the differentiator's `localFunctionRules`, like a nested function's rule) returns the recorded
// value and the pullback that reads the callee's record.
//
// Only shapes where call site k runs at most once per level, and where every type of a record
// is spelled by the signature, take this path; anything else keeps the ordinary rule: a call of
// itself in a loop or a closure, a nested function, default or function-typed parameters,
// `some` types, methods, and calls that are not plain `name(...)` calls.

/// A directly recursive global function, with its calls of itself renamed call site by call site.
struct RecursionPlan {
  /// The body (after `implicitReturn`) with call site k's callee renamed ``siteName(_:)``.
  var renamedBody: [Statement]
  /// How many call sites of itself the body has.
  var siteCount: Int
  let function: FunctionDeclaration

  /// The plan for `function`, or nil when it is not a directly recursive function of a shape
  /// this rule handles (the ordinary rule is generated then).
  static func plan(for function: FunctionDeclaration, statements: [Statement], placement: FunctionPlacement) -> RecursionPlan? {
    guard placement == .global, !function.parameters.isEmpty else { return nil }
    let name = function.name
    let printed = ASTPrinter.print(statements, indent: "")
    let occurrences = IdentifierScan.occurrences(of: name, in: printed)
    guard occurrences > 0 else { return nil }
    for parameter in function.parameters {
      if parameter.defaultValue != nil || parameter.isVariadic { return nil }
      switch parameter.type {
      case .function, .inout: return nil
      default: break
      }
      if parameter.type.swiftSource.contains("some ") || parameter.type.swiftSource.contains("!") { return nil }
    }
    guard let resultType = function.resultType, !resultType.swiftSource.contains("some ") else { return nil }
    // A call in a loop runs more than once per level; a nested function could call it anywhere.
    var refused = false
    for statement in statements {
      statement.forEachStatement { inner in
        if case .function = inner { refused = true }
        if inner.isLoop, IdentifierScan.occurrences(of: name, in: ASTPrinter.print([inner], indent: "")) > 0 { refused = true }
      }
    }
    if refused { return nil }
    var count = 0
    func rename(_ expression: Expression) -> Expression? {
      guard case .call(.identifier(let callee, let calleeRange), let arguments, let trailing, let range) = expression,
        callee == name, trailing.isEmpty
      else { return nil }
      count += 1
      let site = siteName(count, of: name)
      let renamedArguments = arguments.map { Argument(label: $0.label, value: $0.value.replacing(rename), range: $0.range) }
      return .call(callee: .identifier(name: site, range: calleeRange), arguments: renamedArguments, trailingClosures: [], range: range)
    }
    let renamed = statements.map { $0.replacingExpressions(rename) }
    // Every mention of the name must be one of the renamed calls: one left over is in a closure,
    // passed as a value, or in a place the rewriting does not reach.
    guard count == occurrences, IdentifierScan.occurrences(of: name, in: ASTPrinter.print(renamed, indent: "")) == 0 else { return nil }
    return RecursionPlan(renamedBody: renamed, siteCount: count, function: function)
  }

  /// The callee of call site `k` in the renamed body.
  static func siteName(_ k: Int, of name: String) -> String { "_ad_site\(k)_\(name)" }

  /// The local rule of call site `k`.
  static func siteRuleName(_ k: Int) -> String { "_ad_vjp_site\(k)" }

  /// The local rules of the call sites, for the differentiator's `localFunctionRules`.
  var siteRules: [String: String] {
    var rules: [String: String] = [:]
    for k in 1...siteCount { rules[Self.siteName(k, of: function.name)] = Self.siteRuleName(k) }
    return rules
  }

  var resultText: String { function.resultType?.swiftSource ?? "" }

  /// `_RecursionTape<(Double, Int, Double?, Int)>`: the parameters, then each call site's
  /// recorded value and record index.
  var tapeType: String {
    var types = function.parameters.map(\.type.swiftSource)
    for _ in 0..<siteCount {
      types.append(optionalType(resultText))
      types.append("Int")
    }
    return "_RecursionTape<(\(types.joined(separator: ", ")))>"
  }

  private func optionalType(_ type: String) -> String {
    guard let first = type.first, let last = type.last else { return type + "?" }
    let isSimple = type.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "<" || $0 == ">" || $0 == "," }
    if isSimple || (first == "[" && last == "]") || (first == "(" && last == ")") || last == "?" { return type + "?" }
    return "(\(type))?"
  }

  /// The declaration of one parameter with its label, for a function called like the user's.
  private func labelledParameter(_ parameter: Parameter, internalName: String) -> String {
    let label = parameter.label ?? parameter.name
    return label == internalName ? "\(label): \(parameter.type.swiftSource)" : "\(label) \(internalName): \(parameter.type.swiftSource)"
  }

  /// `_ad_forward`: the body as written, recording each level.
  func forwardFunction() -> Code {
    let name = function.name
    func record(_ expression: Expression) -> Expression? {
      guard case .call(.identifier(let callee, let calleeRange), let arguments, _, let range) = expression,
        let k = (1...siteCount).first(where: { Self.siteName($0, of: name) == callee })
      else { return nil }
      let recordedArguments = arguments.map { Argument(label: $0.label, value: $0.value.replacing(record), range: $0.range) }
      let call = Expression.call(
        callee: .identifier(name: "_ad_forward", range: calleeRange),
        arguments: recordedArguments + [Argument(label: nil, value: .identifier(name: "_ad_tape", range: .synthesized), range: .synthesized)],
        trailingClosures: [], range: range)
      return .call(
        callee: .identifier(name: "_recordRecursiveCall", range: .synthesized),
        arguments: [
          Argument(label: nil, value: call, range: .synthesized),
          Argument(label: nil, value: .prefixOperator(operator: "&", operand: .identifier(name: "_ad_r\(k)", range: .synthesized), range: .synthesized), range: .synthesized),
          Argument(label: nil, value: .prefixOperator(operator: "&", operand: .identifier(name: "_ad_i\(k)", range: .synthesized), range: .synthesized), range: .synthesized),
        ],
        trailingClosures: [], range: range)
    }
    let body = renamedBody.map { $0.replacingExpressions(record) }
    let parameters = function.parameters.map { labelledParameter($0, internalName: $0.name) } + ["_ _ad_tape: \(tapeType)"]
    var code = Code()
    for k in 1...siteCount {
      code.add("var _ad_r\(k): \(optionalType(resultText)) = nil")
      code.add("var _ad_i\(k) = 0")
    }
    // Run in a closure called at once, so that every `return` of the body reaches the record.
    code.addBlock("let _ad_value = { () -> \(resultText) in", Code(ASTPrinter.print(body, indent: "")), closing: "}()")
    var record = function.parameters.map(\.name)
    for k in 1...siteCount { record += ["_ad_r\(k)", "_ad_i\(k)"] }
    code.add("let _ad_index = _ad_tape.append((\(record.joined(separator: ", "))))")
    code.add("return (value: _ad_value, index: _ad_index)")
    var result = Code()
    result.addBlock("func _ad_forward(\(parameters.joined(separator: ", "))) -> (value: \(resultText), index: Int) {", code)
    return result
  }

  /// `_ad_backward` and `_ad_backwardRecord`: the gradient of one level, given its record.
  ///
  /// - Parameters:
  ///   - forward: the ordinary rule's forward pass over the renamed body.
  ///   - pullback: the ordinary rule's pullback body (accumulators, backward pass, return).
  func backwardFunctions(forward: Code, pullback: Code, resultTangent: String, tangentList: String) -> Code {
    let name = function.name
    var readRecord = Code()
    readRecord.add("let _ad_record = _ad_tape[_ad_index]")
    var fields: [String] = []
    for index in 0..<(function.parameters.count + 2 * siteCount) { fields.append("_ad_record.\(index)") }
    readRecord.add("return _ad_backwardRecord(\(fields.joined(separator: ", ")), _ad_seed, _ad_tape)")
    var code = Code()
    code.addBlock("func _ad_backward(_ _ad_seed: \(resultTangent), _ _ad_index: Int, _ _ad_tape: \(tapeType)) -> \(tangentList) {", readRecord)

    var parameters = function.parameters.map { "_ \($0.name): \($0.type.swiftSource)" }
    for k in 1...siteCount { parameters += ["_ _ad_r\(k): \(optionalType(resultText))", "_ _ad_i\(k): Int"] }
    parameters += ["_ _ad_seed: \(resultTangent)", "_ _ad_tape: \(tapeType)"]
    var body = Code()
    let ignored = function.parameters.map { labelledParameter($0, internalName: "_") }.joined(separator: ", ")
    let ruleParameters = function.parameters.map { "_: \($0.type.swiftSource)" }.joined(separator: ", ")
    for k in 1...siteCount {
      // Call site k, run as written: its recorded value.
      body.addBlock("func \(Self.siteName(k, of: name))(\(ignored)) -> \(resultText) {", Code("_ad_r\(k)!"))
      // Call site k, differentiated: the recorded value, and the pullback that reads its record.
      body.addBlock(
        "func \(Self.siteRuleName(k))(\(ruleParameters)) -> (value: \(resultText), pullback: (\(resultTangent)) -> \(tangentList)) {",
        Code("(value: _ad_r\(k)!, pullback: { _ad_g in _ad_backward(_ad_g, _ad_i\(k), _ad_tape) })"))
    }
    body.add(forward)
    // The level's value was recorded by the forward function; only the backward pass needs it here.
    body.add("_ = _ad_result")
    body.add(pullback)
    code.addBlock("func _ad_backwardRecord(\(parameters.joined(separator: ", "))) -> \(tangentList) {", body)
    return code
  }

  /// The body of `_vjp`: the tape, the forward function, and a pullback that starts at the top
  /// level's record.
  func ruleBody(forward: Code, pullback: Code, resultTangent: String, tangentList: String) -> Code {
    var code = forwardFunction()
    code.add(backwardFunctions(forward: forward, pullback: pullback, resultTangent: resultTangent, tangentList: tangentList))
    code.add("let _ad_tape = \(tapeType)()")
    let arguments = FunctionRuleGenerator.forwardingArguments(function.parameters)
    code.add("let (_ad_value, _ad_index) = _ad_forward(\(arguments.isEmpty ? "" : arguments + ", ")_ad_tape)")
    code.add("return (value: _ad_value, pullback: { _ad_seed in _ad_backward(_ad_seed, _ad_index, _ad_tape) })")
    return code
  }
}
