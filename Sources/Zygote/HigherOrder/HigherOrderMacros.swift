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


// MARK: - Tensors (Tensor+ForwardMode.swift)

/// The Hessian of a scalar function of a tensor at `x`: a tensor of shape `x.shape + x.shape`,
/// entry `[i…, j…]` = `∂²f/∂xᵢ∂xⱼ`, by forward over reverse (one pullback on `Tensor<Dual<T>>`
/// per scalar of `x`).
///
/// ```swift
/// @Differentiable func energy<S: TensorScalar>(_ x: Tensor<S>) -> S { (x * x * x).sum() }
/// #hessian(energy, at: Tensor([1.0, 2.0]))   // [[6, 0], [0, 12]]
/// ```
///
/// The function must be generic over its tensor scalar, so that it runs on dual tensors.
@freestanding(expression)
public macro hessian<T: TensorScalar & ElementaryFloatingPoint>(_ function: (Tensor<T>) -> T, at x: Tensor<T>) -> Tensor<T> =
  #externalMacro(module: "ZygoteMacros", type: "GradientMacro")

/// The Hessian of a function of a tensor that returns a rank-0 tensor (see the scalar form).
@freestanding(expression)
public macro hessian<T: TensorScalar & ElementaryFloatingPoint>(_ function: (Tensor<T>) -> Tensor<T>, at x: Tensor<T>) -> Tensor<T> =
  #externalMacro(module: "ZygoteMacros", type: "GradientMacro")

/// The Hessian-vector product `H·v` of a scalar function of a tensor, a tensor of `x`'s shape:
/// one forward and one backward pass on dual tensors, without forming `H`.
@freestanding(expression)
public macro hessianVectorProduct<T: TensorScalar & ElementaryFloatingPoint>(_ function: (Tensor<T>) -> T, at x: Tensor<T>, direction v: Tensor<T>) -> Tensor<T> =
  #externalMacro(module: "ZygoteMacros", type: "GradientMacro")

/// The Hessian-vector product of a function of a tensor that returns a rank-0 tensor.
@freestanding(expression)
public macro hessianVectorProduct<T: TensorScalar & ElementaryFloatingPoint>(_ function: (Tensor<T>) -> Tensor<T>, at x: Tensor<T>, direction v: Tensor<T>) -> Tensor<T> =
  #externalMacro(module: "ZygoteMacros", type: "GradientMacro")

/// The value of a tensor function at `x` and its differential (the Jacobian-vector product
/// `J·v`, a tensor of the output's shape), by forward mode on `Tensor<Dual<T>>`.
///
/// ```swift
/// func layer<S: TensorScalar>(_ x: Tensor<S>) -> Tensor<S> { tanh(matmul(W, x)) }
/// let (y, dy) = #pushforward(layer, at: x)
/// dy(v)   // J·v
/// ```
@freestanding(expression)
public macro pushforward<T: TensorScalar & ElementaryFloatingPoint>(_ function: (Tensor<T>) -> Tensor<T>, at x: Tensor<T>) -> (value: Tensor<T>, differential: (Tensor<T>) -> Tensor<T>) =
  #externalMacro(module: "ZygoteMacros", type: "GradientMacro")

/// The value of a scalar function of a tensor and its differential (the directional derivative
/// `∇f(x)·v`), by forward mode.
@freestanding(expression)
public macro pushforward<T: TensorScalar & ElementaryFloatingPoint>(_ function: (Tensor<T>) -> T, at x: Tensor<T>) -> (value: T, differential: (Tensor<T>) -> T) =
  #externalMacro(module: "ZygoteMacros", type: "GradientMacro")

/// The value of a tensor function of a scalar and its differential, by forward mode.
@freestanding(expression)
public macro pushforward<T: TensorScalar & ElementaryFloatingPoint>(_ function: (T) -> Tensor<T>, at x: T) -> (value: Tensor<T>, differential: (T) -> Tensor<T>) =
  #externalMacro(module: "ZygoteMacros", type: "GradientMacro")
