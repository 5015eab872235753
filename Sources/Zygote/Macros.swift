// The macros users write. Their implementations live in the ZygoteMacros plugin, which hands
// the source to ZygoteTransform; what they generate calls the rules of this module.

/// Generates the derivative of a function: a peer rule that differentiated calls of it find.
///
/// ```swift
/// @Differentiable
/// func f(_ x: Double) -> Double { 5 * x + 3 }
/// #derivative(f, at: 10.0)   // 5.0
/// ```
///
/// Works on global functions, methods and nested functions. Every function the body calls with
/// a differentiated argument needs a derivative too: a built-in rule, `@Differentiable`, or an
/// `@Adjoint(of:)`.
///
/// Two roles: the peer declares the rule; the body role keeps the body as written and, for a
/// global or nested function, puts a prologue before it that answers a call finding its rule at
/// run time (from a `#gradient(Params(...))` closure inside a function, or from a nested
/// function's rule, which cannot name a nested function's rule). A nested function's rule is
/// declared in its body, since a peer of a nested function is invisible to lookups.
@attached(peer, names: named(_vjp), named(_vjpm), prefixed(_vjp_))
@attached(body)
public macro Differentiable() = #externalMacro(module: "ZygoteMacros", type: "DifferentiableMacro")

/// Declares a custom derivative for `function` (Zygote's `@adjoint`): the annotated function
/// returns the value and the pullback, and every differentiated call of `function` uses it.
///
/// ```swift
/// func add(_ a: Double, _ b: Double) -> Double { a + b }
/// @Adjoint(of: add)
/// func addAdjoint(_ a: Double, _ b: Double) -> (value: Double, pullback: (Double) -> (Double, Double)) {
///   (add(a, b), { d in (d, d) })
/// }
/// ```
///
/// In a type or extension it is a method's adjoint: `@Adjoint(of: Point.norm)` on an instance
/// method that takes the same parameters and whose pullback returns the tangent of `self` first,
/// then those of the parameters.
@attached(peer, names: named(_vjp), named(_vjpm))
public macro Adjoint<F>(of function: F) = #externalMacro(module: "ZygoteMacros", type: "AdjointMacro")

/// Declares a custom derivative for an operator or a function named by a string, for names that
/// are ambiguous as values: an operator (`@Adjoint(of: "*")`, `@Adjoint(of: ".*")`), an overloaded
/// function such as the C library's `erf` (`@Adjoint(of: "erf")`), or a generic function. An
/// operator's adjoint is a global function of one (prefix) or two (infix) operands that returns
/// the value and the pullback; every differentiated use of the operator on those operand types
/// uses it, and an operator with no built-in rule needs one.
///
/// ```swift
/// infix operator .*: MultiplicationPrecedence
/// func .* (a: Double, b: Double) -> Double { a * b }
/// @Adjoint(of: ".*")
/// func elementwiseTimes(_ a: Double, _ b: Double) -> (value: Double, pullback: (Double) -> (Double, Double)) {
///   (a .* b, { d in (d * b, d * a) })
/// }
/// ```
@attached(peer, names: named(_vjp))
public macro Adjoint(of name: StaticString) = #externalMacro(module: "ZygoteMacros", type: "AdjointMacro")

/// The derivative of a scalar function of one scalar at `x`: `#derivative(f, at: 10.0)`.
@freestanding(expression)
public macro derivative<A: Differentiable, R: Differentiable>(_ function: (A) -> R, at x: A) -> A.Tangent =
  #externalMacro(module: "ZygoteMacros", type: "GradientMacro")

/// The gradient of a scalar-valued function at `x`: `#gradient(f, at: 3.0)`.
@freestanding(expression)
public macro gradient<A: Differentiable, R: Differentiable>(_ function: (A) -> R, at x: A) -> A.Tangent =
  #externalMacro(module: "ZygoteMacros", type: "GradientMacro")
/// The gradients of a scalar-valued function of two arguments, one per argument.
@freestanding(expression)
public macro gradient<A: Differentiable, B: Differentiable, R: Differentiable>(
  _ function: (A, B) -> R, at a: A, _ b: B
) -> (A.Tangent, B.Tangent) = #externalMacro(module: "ZygoteMacros", type: "GradientMacro")
/// The gradients of a scalar-valued function of three arguments, one per argument.
@freestanding(expression)
public macro gradient<A: Differentiable, B: Differentiable, C: Differentiable, R: Differentiable>(
  _ function: (A, B, C) -> R, at a: A, _ b: B, _ c: C
) -> (A.Tangent, B.Tangent, C.Tangent) = #externalMacro(module: "ZygoteMacros", type: "GradientMacro")
/// The gradients of a scalar-valued function of four arguments, one per argument.
@freestanding(expression)
public macro gradient<A: Differentiable, B: Differentiable, C: Differentiable, D: Differentiable, R: Differentiable>(
  _ function: (A, B, C, D) -> R, at a: A, _ b: B, _ c: C, _ d: D
) -> (A.Tangent, B.Tangent, C.Tangent, D.Tangent) = #externalMacro(module: "ZygoteMacros", type: "GradientMacro")

/// The value and the gradient at `x`: `#valueWithGradient(f, at: 10.0)` is `(value: 53.0, gradient: 5.0)`.
@freestanding(expression)
public macro valueWithGradient<A: Differentiable, R: Differentiable>(_ function: (A) -> R, at x: A) -> (value: R, gradient: A.Tangent) =
  #externalMacro(module: "ZygoteMacros", type: "GradientMacro")
/// The value and the gradients of a function of two arguments.
@freestanding(expression)
public macro valueWithGradient<A: Differentiable, B: Differentiable, R: Differentiable>(
  _ function: (A, B) -> R, at a: A, _ b: B
) -> (value: R, gradient: (A.Tangent, B.Tangent)) = #externalMacro(module: "ZygoteMacros", type: "GradientMacro")

/// The value and the gradients of a function of three arguments.
@freestanding(expression)
public macro valueWithGradient<A: Differentiable, B: Differentiable, C: Differentiable, R: Differentiable>(
  _ function: (A, B, C) -> R, at a: A, _ b: B, _ c: C
) -> (value: R, gradient: (A.Tangent, B.Tangent, C.Tangent)) = #externalMacro(module: "ZygoteMacros", type: "GradientMacro")
/// The value and the gradients of a function of four arguments.
@freestanding(expression)
public macro valueWithGradient<A: Differentiable, B: Differentiable, C: Differentiable, D: Differentiable, R: Differentiable>(
  _ function: (A, B, C, D) -> R, at a: A, _ b: B, _ c: C, _ d: D
) -> (value: R, gradient: (A.Tangent, B.Tangent, C.Tangent, D.Tangent)) = #externalMacro(module: "ZygoteMacros", type: "GradientMacro")

/// The value and the pullback at `x`: `let (y, back) = #pullback(f, at: 10.0)`.
@freestanding(expression)
public macro pullback<A: Differentiable, R: Differentiable>(_ function: (A) -> R, at x: A) -> (value: R, pullback: (R.Tangent) -> A.Tangent) =
  #externalMacro(module: "ZygoteMacros", type: "GradientMacro")
/// The value and the pullback of a function of two arguments; the pullback returns a tuple.
@freestanding(expression)
public macro pullback<A: Differentiable, B: Differentiable, R: Differentiable>(
  _ function: (A, B) -> R, at a: A, _ b: B
) -> (value: R, pullback: (R.Tangent) -> (A.Tangent, B.Tangent)) = #externalMacro(module: "ZygoteMacros", type: "GradientMacro")

/// The value and the pullback of a function of three arguments.
@freestanding(expression)
public macro pullback<A: Differentiable, B: Differentiable, C: Differentiable, R: Differentiable>(
  _ function: (A, B, C) -> R, at a: A, _ b: B, _ c: C
) -> (value: R, pullback: (R.Tangent) -> (A.Tangent, B.Tangent, C.Tangent)) = #externalMacro(module: "ZygoteMacros", type: "GradientMacro")
/// The value and the pullback of a function of four arguments.
@freestanding(expression)
public macro pullback<A: Differentiable, B: Differentiable, C: Differentiable, D: Differentiable, R: Differentiable>(
  _ function: (A, B, C, D) -> R, at a: A, _ b: B, _ c: C, _ d: D
) -> (value: R, pullback: (R.Tangent) -> (A.Tangent, B.Tangent, C.Tangent, D.Tangent)) = #externalMacro(module: "ZygoteMacros", type: "GradientMacro")

/// A differentiable function value: `#differentiable(sin)`, `#differentiable(f)` or
/// `#differentiable({ x in x * x })`, to store in variables and dictionaries and call later
/// inside differentiated code.
@freestanding(expression)
public macro differentiable<A: Differentiable, R: Differentiable>(_ function: (A) -> R) -> DifferentiableFunction<A, R> =
  #externalMacro(module: "ZygoteMacros", type: "GradientMacro")

/// Makes a struct differentiable: adds a `Tangent` struct with the same stored property names
/// (integers, Booleans, strings and `@NoDerivative` properties have none), `zeroTangent`, and the
/// ``Differentiable`` conformance.
///
/// ```swift
/// @DifferentiableStruct
/// struct Point { var x: Double; var y: Double }
/// @Differentiable func norm2(_ p: Point) -> Double { p.x * p.x + p.y * p.y }
/// #gradient(norm2, at: Point(x: 3, y: 4))   // Point.Tangent(x: 6, y: 8)
/// ```
// MARK: Tuples
// A tuple cannot conform to a protocol, so a function of one tuple argument, or with a tuple
// result, needs its own overloads: the gradient of a tuple is the tuple of its elements'
// gradients (unlabelled; Swift converts it to the labelled tuple wherever one is expected).

/// The gradient of a function of one pair argument: a pair.
@freestanding(expression)
public macro gradient<A: Differentiable, B: Differentiable, R: Differentiable>(
  _ function: ((A, B)) -> R, at x: (A, B)
) -> (A.Tangent, B.Tangent) = #externalMacro(module: "ZygoteMacros", type: "GradientMacro")

/// The gradient of a function of one triple argument: a triple.
@freestanding(expression)
public macro gradient<A: Differentiable, B: Differentiable, C: Differentiable, R: Differentiable>(
  _ function: ((A, B, C)) -> R, at x: (A, B, C)
) -> (A.Tangent, B.Tangent, C.Tangent) = #externalMacro(module: "ZygoteMacros", type: "GradientMacro")

/// The value and gradient of a function of one pair argument.
@freestanding(expression)
public macro valueWithGradient<A: Differentiable, B: Differentiable, R: Differentiable>(
  _ function: ((A, B)) -> R, at x: (A, B)
) -> (value: R, gradient: (A.Tangent, B.Tangent)) = #externalMacro(module: "ZygoteMacros", type: "GradientMacro")

/// The value and pullback of a function of one argument that returns a pair; the pullback takes a pair.
@freestanding(expression)
public macro pullback<A: Differentiable, R1: Differentiable, R2: Differentiable>(
  _ function: (A) -> (R1, R2), at x: A
) -> (value: (R1, R2), pullback: ((R1.Tangent, R2.Tangent)) -> A.Tangent) = #externalMacro(module: "ZygoteMacros", type: "GradientMacro")

/// The value and pullback of a function of two arguments that returns a pair.
@freestanding(expression)
public macro pullback<A: Differentiable, B: Differentiable, R1: Differentiable, R2: Differentiable>(
  _ function: (A, B) -> (R1, R2), at a: A, _ b: B
) -> (value: (R1, R2), pullback: ((R1.Tangent, R2.Tangent)) -> (A.Tangent, B.Tangent)) = #externalMacro(module: "ZygoteMacros", type: "GradientMacro")

/// The value and pullback of a function of one argument that returns a triple.
@freestanding(expression)
public macro pullback<A: Differentiable, R1: Differentiable, R2: Differentiable, R3: Differentiable>(
  _ function: (A) -> (R1, R2, R3), at x: A
) -> (value: (R1, R2, R3), pullback: ((R1.Tangent, R2.Tangent, R3.Tangent)) -> A.Tangent) = #externalMacro(module: "ZygoteMacros", type: "GradientMacro")

/// The value and pullback of a function of two arguments that returns a triple.
@freestanding(expression)
public macro pullback<A: Differentiable, B: Differentiable, R1: Differentiable, R2: Differentiable, R3: Differentiable>(
  _ function: (A, B) -> (R1, R2, R3), at a: A, _ b: B
) -> (value: (R1, R2, R3), pullback: ((R1.Tangent, R2.Tangent, R3.Tangent)) -> (A.Tangent, B.Tangent)) = #externalMacro(module: "ZygoteMacros", type: "GradientMacro")

@attached(member, names: named(Tangent), named(zeroTangent), named(_vjpm), named(_vjpmut))
@attached(extension, conformances: Differentiable)
public macro DifferentiableStruct() = #externalMacro(module: "ZygoteMacros", type: "DifferentiableStructMacro")

/// Marks a stored property of a `@DifferentiableStruct` that carries no derivative.
@propertyWrapper
public struct NoDerivative<Value> {
  /// The wrapped value.
  public var wrappedValue: Value
  /// Wraps `wrappedValue`.
  public init(wrappedValue: Value) { self.wrappedValue = wrappedValue }
}

/// The gradients of a loss with respect to implicit parameters (Zygote's
/// `gradient(() -> loss, Params([W, b]))`): every Tensor in `parameters` that the loss reads,
/// directly or inside the `@Differentiable` functions it calls, gets its gradient in the result.
///
/// ```swift
/// let g = #gradient(Params([W, b])) { predict(x).sum() }
/// g[W]   // the gradient of the loss with respect to W; nil if the loss never read W
/// ```
@freestanding(expression)
public macro gradient<R>(_ parameters: Params, _ loss: () -> R) -> Grads =
  #externalMacro(module: "ZygoteMacros", type: "GradientMacro")
