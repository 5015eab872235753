// A function value together with its rule: what `#differentiable(sin)` produces, so that a
// function chosen at run time (from a dictionary, an array, a parameter) can still be
// differentiated through.

/// A function from `Input` to `Output` that carries its own vector-Jacobian product.
///
/// ```swift
/// let fs: [String: DifferentiableFunction<Double, Double>] =
///   ["sin": #differentiable(sin), "cos": #differentiable(cos)]
/// fs["sin"]!(1.0)                                 // sin(1.0)
/// #gradient({ x in fs[name]!(x) }, at: 1.0)       // cos(1.0) when name == "sin"
/// ```
///
/// Calling it evaluates the function. Inside a differentiated body, a call of a callee that is
/// not a plain name (such as `fs[name]!(x)`) becomes `_vjp(apply: f, x)`, which calls the stored
/// rule and passes the gradient through it.
///
/// ## Sendable
///
/// The type is `@unchecked Sendable`. The stored closure is not required to be `@Sendable`, so
/// that a nested function capturing local state (as the Swift 6 form of implicit parameters
/// does) can be wrapped; a value built by `#differentiable` from a global function or a rule
/// captures nothing and is safe to share, which is what lets a global `let` table of them compile
/// in Swift 6 language mode. Sharing a value whose closure captures mutable state across
/// concurrency domains is the caller's responsibility, as with any non-`Sendable` closure.
public struct DifferentiableFunction<Input: Differentiable, Output: Differentiable>: @unchecked Sendable {
  /// The function's rule: the value at an input and the pullback there.
  public let vjp: (Input) -> (value: Output, pullback: (Output.Tangent) -> Input.Tangent)

  /// Wraps a rule: a closure that returns the value at an input and its pullback.
  ///
  /// ```swift
  /// let square = DifferentiableFunction<Double, Double> { x in (x * x, { d in 2 * x * d }) }
  /// square(3)                                        // 9
  /// square.valueWithPullback(at: 3).pullback(1)      // 6
  /// ```
  ///
  /// The pullback must be the transposed derivative: it maps a gradient of the output to the
  /// gradient of the input.
  @inlinable
  public init(_ vjp: @escaping (Input) -> (value: Output, pullback: (Output.Tangent) -> Input.Tangent)) {
    self.vjp = vjp
  }

  /// Evaluates the function at `x` (the value only).
  @inlinable
  public func callAsFunction(_ x: Input) -> Output {
    vjp(x).value
  }

  /// The value at `x` and the pullback there, which maps a gradient of the output to the gradient
  /// of `x`.
  @inlinable
  public func valueWithPullback(at x: Input) -> (value: Output, pullback: (Output.Tangent) -> Input.Tangent) {
    vjp(x)
  }
}

extension DifferentiableFunction: Differentiable {
  /// ``NoTangent``: a function value is not differentiated (its gradient is always empty).
  ///
  /// The conformance lets a `DifferentiableFunction` appear in code the transform differentiates,
  /// for example captured by a closure or stored in a struct, without a gradient of its own.
  @inlinable public var zeroTangent: NoTangent { NoTangent() }
}

/// The rule for calling a ``DifferentiableFunction`` value: `f(x)` where `f` is not a plain name.
///
/// ```
/// ∂f(x)/∂f = NoTangent()      (function values have no gradient)
/// ∂f(x)/∂x = f.vjp(x).pullback
/// ```
///
/// The value and the pullback are those of the function's stored rule; its domain and
/// conventions are the stored rule's.
@inlinable
public func _vjp<I, O>(
  apply f: DifferentiableFunction<I, O>, _ x: I
) -> (value: O, pullback: (O.Tangent) -> (NoTangent, I.Tangent)) {
  let (value, pullback) = f.vjp(x)
  return (value, { d in (NoTangent(), pullback(d)) })
}

extension DifferentiableFunction {
  /// The rule for calling a function value held in a differentiated variable (`let f = fs[k]!;
  /// f(x)`): the same as `_vjp(apply:_:)`.
  @inlinable
  public func _vjpm(callAsFunction x: Input) -> (value: Output, pullback: (Output.Tangent) -> (NoTangent, Input.Tangent)) {
    _vjp(apply: self, x)
  }
}
