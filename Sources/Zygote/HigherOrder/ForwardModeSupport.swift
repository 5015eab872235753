// Entry points of generated code for functions generic over their scalar that a nested
// derivative or a forward-mode rule needs.

// MARK: - Reading a captured generic scalar

// A nested `#derivative` inside a generic function reads the function's own variables as free
// variables, through `_vjp(implicit:)`. A generic floating-point scalar is not known to be
// `Differentiable`, so it needs its own overload; `Double`, `Float`, `Dual` and arrays of them
// are both, and get the most specific overloads to settle the choice.

/// Rule for reading a generic floating-point scalar from a free variable: the pullback does nothing.
@inlinable public func _vjp<T: FloatingPoint>(implicit value: T) -> (value: T, pullback: (T) -> Void) { (value, { _ in }) }
/// Rule for reading a `Double` from a free variable: the pullback does nothing.
@inlinable public func _vjp(implicit value: Double) -> (value: Double, pullback: (Double) -> Void) { (value, { _ in }) }
/// Rule for reading a `Float` from a free variable: the pullback does nothing.
@inlinable public func _vjp(implicit value: Float) -> (value: Float, pullback: (Float) -> Void) { (value, { _ in }) }
/// Rule for reading a dual number from a free variable: the pullback does nothing.
@inlinable public func _vjp<T>(implicit value: Dual<T>) -> (value: Dual<T>, pullback: (Dual<T>) -> Void) { (value, { _ in }) }
/// Rule for reading an array of a generic floating-point scalar from a free variable.
@inlinable public func _vjp<T: FloatingPoint>(implicit value: [T]) -> (value: [T], pullback: ([T]) -> Void) { (value, { _ in }) }
/// Rule for reading a `[Double]` from a free variable.
@inlinable public func _vjp(implicit value: [Double]) -> (value: [Double], pullback: ([Double]) -> Void) { (value, { _ in }) }
/// Rule for reading a `[Float]` from a free variable.
@inlinable public func _vjp(implicit value: [Float]) -> (value: [Float], pullback: ([Float]) -> Void) { (value, { _ in }) }
/// Rule for reading an array of dual numbers from a free variable.
@inlinable public func _vjp<T>(implicit value: [Dual<T>]) -> (value: [Dual<T>], pullback: ([Dual<T>]) -> Void) { (value, { _ in }) }

/// Rule for reading a generic ``ElementaryFloatingPoint`` scalar from a free variable.
@inlinable public func _vjp<T: ElementaryFloatingPoint>(implicit value: T) -> (value: T, pullback: (T) -> Void) { (value, { _ in }) }
/// Rule for reading an array of a generic ``ElementaryFloatingPoint`` scalar from a free variable.
@inlinable public func _vjp<T: ElementaryFloatingPoint>(implicit value: [T]) -> (value: [T], pullback: ([T]) -> Void) { (value, { _ in }) }

// MARK: - Accumulators of a generic ElementaryFloatingPoint scalar
// The scalar is both FloatingPoint and Differentiable, so the overloads for each would be
// ambiguous for it; these are more specific than both.

/// The zero gradient at a generic scalar.
@inlinable @inline(__always)
public func _zeroTangent<T: ElementaryFloatingPoint>(like value: T) -> T { 0 }
/// Adds a gradient into an accumulator of a generic scalar.
@inlinable @inline(__always)
public func _accumulate<T: ElementaryFloatingPoint>(_ sum: inout T, _ gradient: T) { sum += gradient }
/// Zeros of the same count, for an array of a generic scalar.
@inlinable @inline(__always)
public func _zeroTangent<T: ElementaryFloatingPoint>(like value: [T]) -> [T] { [T](repeating: 0, count: value.count) }
/// Adds `gradient` into element `index`, for an array of a generic scalar.
@inlinable @inline(__always)
public func _accumulate<T: ElementaryFloatingPoint>(_ sum: inout [T], at index: Int, _ gradient: T) { sum[index] += gradient }
/// Adds `gradient` into `sum` element by element, for arrays of a generic scalar.
@inlinable
public func _accumulate<T: ElementaryFloatingPoint>(_ sum: inout [T], _ gradient: [T]) { _addArrays(&sum, gradient) }

// MARK: - Forward-mode rules

/// `gradient · seed`: the pullback of a scalar function whose gradient forward mode computed.
@inlinable @inline(__always)
public func _scaledGradient<T: FloatingPoint>(_ gradient: T, by seed: T) -> T { gradient * seed }
/// `gradient · seed`, element by element.
@inlinable @inline(__always)
public func _scaledGradient<T: FloatingPoint>(_ gradient: [T], by seed: T) -> [T] { gradient.map { $0 * seed } }

// MARK: - dropgrad on dual numbers

extension Dual: DerivativeDropping {
  /// The value as a constant, its own derivatives dropped too (for nested duals).
  @inlinable @inline(__always) public var _withoutDerivatives: Dual { Dual(constant: value._withoutDerivatives) }
  /// `true`.
  @inlinable public static var _carriesDerivatives: Bool { true }
}
