// `#hessian`, `#hessianVectorProduct`, `#jacobian` and `#pushforward`. Each expands to a runtime
// function (Sources/Zygote/HigherOrder) handed the function's rule or the function itself; the
// runtime picks reverse mode, forward mode on `Dual` numbers, or forward over reverse.
//
//     #hessian(f, at: x)                              =>  _hessian(at: x, { _vjp(f: $0) })
//     #hessian(g, at: x, y)                           =>  _hessian(at: x, y, { _vjp(g: $0, $1) })
//     #hessianVectorProduct(f, at: x, direction: v)   =>  _hessianVectorProduct(at: x, direction: v, { _vjp(f: $0) })
//     #jacobian(f, at: x)                             =>  _jacobian(at: x, reverse: { _vjp(f: $0) }, forward: { f($0) })
//     #pushforward(f, at: x)                          =>  _pushforward(at: x, { f($0) })
//
// A closure literal takes the place of `{ _vjp(f: $0) }` as its differentiated closure (the
// shape `#pullback` generates) and of `{ f($0) }` as written.

enum HigherOrderExpansion {
  /// The macros this file expands.
  static let macroNames: Set<String> = ["hessian", "hessianVectorProduct", "jacobian", "pushforward"]

  /// The expansion of a higher-order macro, or nil for another macro.
  static func expand(
    macroName: String, arguments: [Argument], trailing: [TrailingClosure], range: SourceRange, lineTable: LineTable
  ) -> ExpansionResult? {
    guard macroNames.contains(macroName) else { return nil }
    let usage = macroName == "hessianVectorProduct" ? "#hessianVectorProduct(f, at: x, direction: v)" : "#\(macroName)(f, at: x)"
    let expectedLabels: [String?] = macroName == "hessianVectorProduct" ? [nil, "at", "direction"] : [nil, "at"]
    // `#hessian(f, at: x, y)`: a function of two scalars.
    let twoPoints = macroName == "hessian" && arguments.map(\.label) == [nil, "at", nil]
    guard trailing.isEmpty, arguments.map(\.label) == expectedLabels || twoPoints else {
      return failure("#\(macroName) takes a function of one argument and a point: \(usage)", at: range)
    }
    let function = arguments[0].value
    let argumentCount = twoPoints ? 2 : 1
    let point = arguments[1...].prefix(argumentCount).map(\.value.swiftSource).joined(separator: ", ")

    // The function itself, evaluated on dual numbers by forward mode.
    let plain: String
    // Its rule (value and pullback), for reverse mode and forward over reverse.
    var rule: String?
    switch function {
    case .closure(let closure):
      guard closure.parameters.count <= argumentCount else {
        return failure("#\(macroName) takes a function of one argument (or two scalars for #hessian); pass several values as an array", at: closure.range)
      }
      plain = closure.swiftSourceText
      if macroName != "pushforward" {
        let generated = ClosureDifferentiation.differentiate(closure, argumentCount: argumentCount, shape: .pullback, lineTable: lineTable)
        guard let source = generated.source else { return ExpansionResult(expandedSource: nil, diagnostics: generated.diagnostics) }
        rule = source
      }
    default:
      guard let name = functionName(function) else {
        return failure("#\(macroName) needs the name of a @Differentiable function or a closure literal, not '\(function.swiftSource)'", at: arguments[0].range)
      }
      plain = "{ \(name)($0) }"
      if macroName != "pushforward" {
        rule = "{ \(RuleNames.function)(\(RuleNames.label(name)): \(twoPoints ? "$0, $1" : "$0")) }"
      }
    }

    let expansion: String
    switch macroName {
    case "hessian":
      expansion = "_hessian(at: \(point), \(rule ?? ""))"
    case "hessianVectorProduct":
      expansion = "_hessianVectorProduct(at: \(point), direction: \(arguments[2].value.swiftSource), \(rule ?? ""))"
    case "jacobian":
      expansion = "_jacobian(at: \(point), reverse: \(rule ?? ""), forward: \(plain))"
    default:
      expansion = "_pushforward(at: \(point), \(plain))"
    }
    return ExpansionResult(expandedSource: expansion, diagnostics: [])
  }

  /// `f` for `f` or `(f)`.
  private static func functionName(_ function: Expression) -> String? {
    switch function {
    case .identifier(let name, _): return name
    case .parenthesized(let inner, _): return functionName(inner)
    default: return nil
    }
  }

  private static func failure(_ message: String, at range: SourceRange) -> ExpansionResult {
    ExpansionResult(expandedSource: nil, diagnostics: [.error(message, at: range)])
  }
}

extension ClosureExpression {
  /// The closure as valid Swift source.
  var swiftSourceText: String { Expression.closure(self).swiftSource }
}
