// Methods of a `@DifferentiableStruct` written in its body are differentiated with respect to
// `self` too. The struct macro sees the stored properties, so it can tell a bare `x` that means
// `self.x` from a global; a method's own peer macro cannot (the compiler hands it the enclosing
// type without its members), so the struct macro generates these rules.
//
//     @DifferentiableStruct struct Line {          func _vjpm(callAsFunction x: Double) -> (value: Double, pullback: (Double) -> (Tangent, Double)) {
//       var w: Double, b: Double                     let _ad_self = self
//       @Differentiable                      =>      <the body, reading _ad_self.w and _ad_self.b>
//       func callAsFunction(_ x: Double)             ... return (_ad_d__ad_self, _ad_d_x)
//         -> Double { w * x + b }                  }
//     }
//
// A `mutating` method without a result becomes a function from `self` to the new `self`: its
// rule returns the new value, and a call `p.move(by: t)` in a differentiated body becomes
// `p = <the rule's value>`.

struct SelfDifferentiation {
  /// The name `self` has in generated code: a differentiated value like a parameter.
  static let name = "_ad_self"

  /// The struct's stored properties (all of them: a bare read of any means `self.`).
  var storedProperties: Set<String>
  /// The stored properties with no derivative (integers, `@NoDerivative`, ...): reads and
  /// writes of them are left as written.
  var inactiveProperties: Set<String> = []
  /// The struct's computed properties: reading one would pass its value without its derivative.
  var computedProperties: Set<String> = []
  /// The struct's methods: a bare call of one means a call on `self`.
  var methods: Set<String>
  /// The struct's generic parameters constrained to a floating-point protocol (their own tangents).
  var scalarGenerics: Set<String> = []

  /// A stored property's name that the method also uses for a parameter or a local: a bare read
  /// of it would be ambiguous to a reader and to the transform, so it is refused.
  func shadowedProperty(in function: FunctionDeclaration) -> String? {
    var declared = Set(function.parameters.map(\.name))
    for statement in function.body ?? [] { statement.forEachStatement { declared.formUnion($0.namesDeclared) } }
    return declared.intersection(storedProperties).sorted().first
  }

  /// A computed property the method reads (bare or through `self.`): its getter has no rule, so
  /// the gradient through it would be lost; it is refused.
  func computedPropertyRead(in function: FunctionDeclaration) -> String? {
    guard !computedProperties.isEmpty else { return nil }
    var declared = Set(function.parameters.map(\.name))
    for statement in function.body ?? [] { statement.forEachStatement { declared.formUnion($0.namesDeclared) } }
    var found: String?
    for statement in function.body ?? [] {
      let read = statement.namesRead.subtracting(declared).intersection(computedProperties)
      if let name = read.sorted().first { return name }
      statement.forEachExpression { expression in
        if case .member(.identifier("self", _), let name, _) = expression, computedProperties.contains(name), found == nil { found = name }
      }
      if let found { return found }
    }
    return nil
  }

  /// The body with `self` read as `_ad_self`, bare stored properties as `_ad_self.name`, and
  /// bare calls of the struct's methods as calls on `_ad_self` (inside closures too).
  func readingSelf(_ statements: [Statement], of function: FunctionDeclaration) -> [Statement] {
    statements.map { rewrite($0, hidden: []) }
  }

  private func rewrite(_ statement: Statement, hidden: Set<String>) -> Statement {
    statement.replacingExpressions { rewrite($0, hidden: hidden) }
  }

  private func rewrite(_ expression: Expression, hidden: Set<String>) -> Expression? {
    let selfExpression = Expression.identifier(name: Self.name, range: .synthesized)
    switch expression {
    case .identifier("self", let range):
      return .identifier(name: Self.name, range: range)
    case .identifier(let name, let range) where storedProperties.contains(name) && !hidden.contains(name):
      return .member(base: selfExpression, name: name, range: range)
    case .call(let callee, let arguments, let trailing, let range):
      let newCallee: Expression
      if case .identifier(let name, let nameRange) = callee, storedProperties.contains(name), !hidden.contains(name) {
        // `layer(x)` on a stored property calls the property's `callAsFunction`.
        newCallee = .member(base: .member(base: selfExpression, name: name, range: nameRange), name: "callAsFunction", range: nameRange)
      } else if case .identifier(let name, let nameRange) = callee, methods.contains(name), !hidden.contains(name) {
        newCallee = .member(base: selfExpression, name: name, range: nameRange)
      } else if trailing.isEmpty {
        // `replacing` goes on into the callee and the arguments.
        return nil
      } else {
        newCallee = callee.replacing { rewrite($0, hidden: hidden) }
      }
      return .call(
        callee: newCallee,
        arguments: arguments.map { Argument(label: $0.label, value: $0.value.replacing { rewrite($0, hidden: hidden) }, range: $0.range) },
        trailingClosures: trailing.map { rewrite($0, hidden: hidden) }, range: range)
    case .closure(let closure):
      return .closure(rewrite(closure, hidden: hidden))
    default:
      return nil
    }
  }

  private func rewrite(_ trailing: TrailingClosure, hidden: Set<String>) -> TrailingClosure {
    var copy = trailing
    copy.closure = rewrite(trailing.closure, hidden: hidden)
    return copy
  }

  private func rewrite(_ closure: ClosureExpression, hidden: Set<String>) -> ClosureExpression {
    var copy = closure
    var inner = hidden.union(closure.parameters.map(\.name))
    for statement in closure.body { statement.forEachStatement { inner.formUnion($0.namesDeclared) } }
    copy.body = closure.body.map { rewrite($0, hidden: inner) }
    return copy
  }

  /// A mutating method's body that returns the new `self`: at its end and at each `return`.
  static func returningSelf(_ statements: [Statement]) -> [Statement] {
    let selfValue = Expression.identifier(name: name, range: .synthesized)
    func visit(_ block: [Statement]) -> [Statement] {
      block.map { statement in
        if case .return(nil, let range) = statement { return .return(selfValue, range: range) }
        return statement.mapBlocks(visit)
      }
    }
    var result = visit(statements)
    if !(result.last.map { if case .return = $0 { return true } else { return false } } ?? false) {
      result.append(.return(selfValue, range: .synthesized))
    }
    return result
  }
}
