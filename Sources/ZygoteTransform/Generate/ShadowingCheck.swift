/// Refuses a differentiated call whose name, where it is written, means something other than the
/// free function whose rule it would use.
///
/// The transform writes a call `helper(x)` as `_vjp(helper: x)`, a rule of the free function
/// `helper`. Where `helper` is a local function, a variable or parameter holding a closure, or a
/// method of the enclosing type, Swift's `helper(x)` calls that instead, and the free function's
/// rule would give the gradient of a different function: the worst kind of bug, since it compiles.
/// With the plugin, free functions get rules without being annotated, so this check runs on every
/// differentiated body it sees (the macro's and its own) and makes such a call a compile error.
struct ShadowingCheck {
  let index: FunctionIndex

  /// The free-function callees of the code generated for the declaration or expression at `range`
  /// of file `fileIndex` whose names something closer binds, and what binds them.
  ///
  /// - Parameters:
  ///   - callees: The rule calls read back from the generated code.
  ///   - closures: For a freestanding use, its source: the parameters and locals of its closures
  ///     bind names too.
  func shadowedCallees(
    _ callees: [FunctionIndex.Key], fileIndex: Int, range: SourceRange, freestandingSource: String?
  ) -> [(name: String, boundAs: String)] {
    let globals = callees.filter { $0.kind == .global }
    guard !globals.isEmpty else { return [] }
    var bound: [String: String] = [:]
    // The functions around the use (and the function itself, for a declaration): parameters,
    // locals, nested functions.
    for function in index.functionExtents[fileIndex] where function.range.start <= range.start && range.end <= function.range.end {
      guard case .function(let declaration)? = SwiftParser.parseDeclaration(function.source).declaration else { continue }
      for parameter in declaration.parameters { bound[parameter.name] = "a parameter of '\(declaration.name)'" }
      for statement in declaration.body ?? [] {
        for name in statement.namesDeclared { bound[name] = "a local name in '\(declaration.name)'" }
      }
    }
    if let source = freestandingSource, case .macroExpansion(_, let arguments, let trailing, _)? = SwiftParser.parseExpression(source).expression {
      let closures = arguments.compactMap { argument -> ClosureExpression? in
        if case .closure(let closure) = argument.value { return closure }
        return nil
      } + trailing.map(\.closure)
      for closure in closures {
        for parameter in closure.parameters { bound[parameter.name] = "a closure parameter" }
        for statement in closure.body {
          for name in statement.namesDeclared { bound[name] = "a local name in a closure" }
        }
      }
    }
    // The types around it: an unqualified call finds their methods (declared, inherited, or from
    // a protocol extension) before any free function.
    for type in index.typeExtents[fileIndex] where type.range.start < range.start && range.end <= type.range.end {
      for name in index.visibleMethods(of: type.name) where bound[name] == nil { bound[name] = "a method of '\(type.name)'" }
    }
    return globals.compactMap { key in bound[key.name].map { (key.name, $0) } }
  }

  /// The error for a shadowed callee, naming both and the fix.
  static func message(callee: String, boundAs: String, in function: String) -> String {
    let fix =
      boundAs.hasPrefix("a method")
      ? "call the method as 'self.\(callee)(...)' (its pullback is generated too), or rename one of them"
      : "rename one of them, or wrap the call in dropgrad(_:)"
    return "in '\(function)', '\(callee)(...)' calls \(boundAs), but its derivative would be taken from the free "
      + "function '\(callee)'; \(fix)"
  }
}
