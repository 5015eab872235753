// `checkpointed(f, x)` in a differentiated body: the rule gets `f` to call plainly in the
// forward pass and `f`'s rule to run in the backward pass, so nothing of `f` is kept between
// the two passes (Sources/Zygote/HigherOrder/Checkpointing.swift).
//
//     checkpointed(step, s)   =>   let (_ad_v1, _ad_pb1) = _vjp(checkpointed: step, s, rule: { _vjp(step: $0) })

extension Differentiator {
  /// The name of the checkpointing function.
  static let checkpointedName = "checkpointed"

  /// Lowers `checkpointed(f, x)`; `f` must name a function with a rule.
  func lowerCheckpointed(
    _ expression: Expression, arguments: [Argument], range: SourceRange, valueNeeded: Bool, into forward: inout Code
  ) -> Lowered {
    guard arguments.count == 2, arguments.allSatisfy({ $0.label == nil }) else {
      refuse("checkpointed takes a function and its argument: checkpointed(f, x)", at: range)
      return .inactive(expression.swiftSource)
    }
    guard case .identifier(let name, let nameRange) = arguments[0].value else {
      refuse("checkpointed needs the name of a @Differentiable function of one argument, not '\(arguments[0].value.swiftSource)'; a closure could capture differentiated values whose gradient would be lost", at: arguments[0].range)
      return .inactive(expression.swiftSource)
    }
    if activeNames.contains(name) || isStrictlyActive(arguments[0].value) {
      refuse("the function passed to checkpointed must not depend on a differentiated value", at: nameRange)
      return .inactive(expression.swiftSource)
    }
    let operand = lower(arguments[1].value, into: &forward)
    guard operand.isActive else { return .inactive(expression.swiftSource) }
    let rule = localFunctionRules[name].map { "{ \($0)($0) }" } ?? "{ \(RuleNames.function)(\(RuleNames.label(name)): $0) }"
    let call = "\(RuleNames.function)(checkpointed: \(name), \(operand.valueText), rule: \(rule))"
    return emitOperation(call, operands: [.inactive(name), operand], valueNeeded: valueNeeded, at: range, into: &forward)
  }
}
