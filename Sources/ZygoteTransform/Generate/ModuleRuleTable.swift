/// The generated file's `_ZygoteModuleRules`: its rules by function name, for calls that find
/// their rules when the code runs.
///
/// A `#gradient(Params(...))` closure inside a function, and a nested `@Differentiable`
/// function, call other functions through `_vjp(recording: f, x, named: "f", rules:
/// _ZygoteModuleRules.rules(named:))` (they cannot tell a nested function, whose rule has no
/// name they can use, from a global one). A `@Differentiable` function answers such a call from
/// the prologue in its body; a function whose rule this plugin generated has no prologue, so the
/// runtime looks the name up here. The type shadows the empty one of the Zygote library in the
/// user's module. Only global, non-generic functions of one to four value parameters are
/// listed: a type-erased rule needs concrete types.
enum ModuleRuleTable {
  /// `{ (a0: Double, a1: Int) in _vjp(f: a0, a1) }` for `func f(_ x: Double, _ n: Int) -> Double`,
  /// or nil when the function cannot be listed.
  static func entry(forDeclaration source: String) -> String? {
    guard case .function(let function)? = SwiftParser.parseDeclaration(source).0,
      function.genericParameters == nil, function.whereClause == nil, RecordingPrologue.canBeCalledByRecording(function)
    else { return nil }
    let parameters = function.parameters.enumerated().map { index, parameter in "a\(index): \(parameter.type.swiftSource)" }
    let arguments = function.parameters.indices.map { "a\($0)" }.joined(separator: ", ")
    return "{ (\(parameters.joined(separator: ", "))) in \(RuleNames.function)(\(RuleNames.label(function.name)): \(arguments)) }"
  }

  /// The declaration of `_ZygoteModuleRules` listing `rules` (function name → rule closures).
  static func declaration(_ rules: [String: [String]]) -> String {
    var cases = Code()
    for name in rules.keys.sorted() {
      cases.add("case \"\(name)\":")
      cases.add(Code("return [" + rules[name, default: []].map { "\($0) as Any" }.joined(separator: ", ") + "]"), depth: 1)
    }
    cases.add("default:")
    cases.add(Code("return []"), depth: 1)
    var method = Code()
    method.add("switch name {")
    method.add(cases)
    method.add("}")
    var body = Code()
    body.add("/// The rules above of the functions called `name`, type-erased, one per overload.")
    body.addBlock("static func rules(named name: String) -> [Any] {", method)
    var code = Code()
    code.add("/// The generated rules by name, for calls that find their rules when the code runs: a")
    code.add("/// `#gradient(Params(...))` closure inside a function, or a nested @Differentiable function.")
    code.addBlock("enum _ZygoteModuleRules {", body)
    return code.render()
  }
}
