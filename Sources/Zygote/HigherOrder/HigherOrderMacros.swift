// The higher-order macros. Like `#gradient`, they are expanded by the ZygoteMacros plugin; the
// expansions call the functions of this folder. (Declared here rather than in Macros.swift so
// that the higher-order API lives in one place.)

/// The second derivative of a scalar function at `x`, by forward over reverse.
///
/// ```swift
/// @Differentiable func f<T: ElementaryFloatingPoint>(_ x: T) -> T { x * sin(x) }
/// #hessian(f, at: 1.0)   // 2 cos 1 - sin 1
/// ```
///
/// The function must be generic over its scalar (`ElementaryFloatingPoint`, or
/// `BinaryFloatingPoint` for arithmetic only): its pullback is run on `Dual` numbers.
@freestanding(expression)
public macro hessian<T: ElementaryFloatingPoint>(_ function: (T) -> T, at x: T) -> T =
  #externalMacro(module: "ZygoteMacros", type: "GradientMacro")

/// The Hessian of a scalar function of an array at `x`, as rows: `h[i][j] = ∂²f/∂xᵢ∂xⱼ`.
///
/// ```swift
/// @Differentiable func rosenbrock<T: ElementaryFloatingPoint>(_ x: [T]) -> T { ... }
/// #hessian(rosenbrock, at: [1.0, 2.0])   // [[802, -400], [-400, 200]]
/// ```
///
/// Forward over reverse: one Hessian-vector product (a pullback on `Dual` numbers) per input.
@freestanding(expression)
public macro hessian<T: ElementaryFloatingPoint>(_ function: ([T]) -> T, at x: [T]) -> [[T]] =
  #externalMacro(module: "ZygoteMacros", type: "GradientMacro")

/// The Hessian of a scalar function of two scalars at `(x, y)`, as rows:
/// `[[∂²f/∂x², ∂²f/∂x∂y], [∂²f/∂y∂x, ∂²f/∂y²]]`.
///
/// ```swift
/// @Differentiable func g<T: ElementaryFloatingPoint>(_ x: T, _ y: T) -> T { x * x * y }
/// #hessian(g, at: 3.0, 2.0)   // [[4, 6], [6, 0]]
/// ```
@freestanding(expression)
public macro hessian<T: ElementaryFloatingPoint>(_ function: (T, T) -> T, at x: T, _ y: T) -> [[T]] =
  #externalMacro(module: "ZygoteMacros", type: "GradientMacro")

/// `f''(x)·v` for a scalar function, by one forward-over-reverse pass.
@freestanding(expression)
public macro hessianVectorProduct<T: ElementaryFloatingPoint>(_ function: (T) -> T, at x: T, direction v: T) -> T =
  #externalMacro(module: "ZygoteMacros", type: "GradientMacro")

/// The Hessian-vector product `H·v` of a scalar function of an array at `x`, without forming
/// `H`: one forward pass and one backward pass on `Dual` numbers.
///
/// ```swift
/// #hessianVectorProduct(rosenbrock, at: x, direction: v)   // [Double], H(x)·v
/// ```
@freestanding(expression)
public macro hessianVectorProduct<T: ElementaryFloatingPoint>(_ function: ([T]) -> T, at x: [T], direction v: [T]) -> [T] =
  #externalMacro(module: "ZygoteMacros", type: "GradientMacro")

/// The Jacobian of a function at `x`, as rows: row `i` is the gradient of output scalar `i`
/// (row-major for a `Tensor`), as a tangent of the input.
///
/// ```swift
/// @Differentiable func polar<T: ElementaryFloatingPoint>(_ p: [T]) -> [T] { [p[0] * cos(p[1]), p[0] * sin(p[1])] }
/// #jacobian(polar, at: [2.0, 0.5])   // [[cos 0.5, -2 sin 0.5], [sin 0.5, 2 cos 0.5]]
/// ```
///
/// Mode: reverse mode (one pullback per output) in general. When the function maps an array to
/// an array and is generic over its scalar, forward mode (one pass on `Dual` numbers per input)
/// is used if it has fewer inputs than outputs.
@freestanding(expression)
public macro jacobian<A: Differentiable, Y: JacobianOutput>(_ function: (A) -> Y, at x: A) -> [A.Tangent] =
  #externalMacro(module: "ZygoteMacros", type: "GradientMacro")

/// The value of a scalar function at `x` and its differential there, by forward mode:
/// `differential(v)` is `f'(x)·v`. The function must be generic over its scalar.
///
/// ```swift
/// let (y, df) = #pushforward(f, at: 2.0)
/// df(1)   // f'(2)
/// ```
@freestanding(expression)
public macro pushforward<T: ElementaryFloatingPoint>(_ function: (T) -> T, at x: T) -> (value: T, differential: (T) -> T) =
  #externalMacro(module: "ZygoteMacros", type: "GradientMacro")

/// The value of a scalar function of an array and its differential (the directional
/// derivative `∇f(x)·v`), by forward mode.
@freestanding(expression)
public macro pushforward<T: ElementaryFloatingPoint>(_ function: ([T]) -> T, at x: [T]) -> (value: T, differential: ([T]) -> T) =
  #externalMacro(module: "ZygoteMacros", type: "GradientMacro")

/// The value of a function from an array to an array and its differential (the
/// Jacobian-vector product `J·v`), by forward mode.
@freestanding(expression)
public macro pushforward<T: ElementaryFloatingPoint>(_ function: ([T]) -> [T], at x: [T]) -> (value: [T], differential: ([T]) -> [T]) =
  #externalMacro(module: "ZygoteMacros", type: "GradientMacro")

/// The value of a function from a scalar to an array and its differential, by forward mode.
@freestanding(expression)
public macro pushforward<T: ElementaryFloatingPoint>(_ function: (T) -> [T], at x: T) -> (value: [T], differential: (T) -> [T]) =
  #externalMacro(module: "ZygoteMacros", type: "GradientMacro")

