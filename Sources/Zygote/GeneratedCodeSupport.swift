// Small helpers that generated code calls. They are public because generated code lives in the
// user's module, and underscored because users never call them directly.

/// A stack of per-iteration loop state, pushed by the forward pass of a differentiated loop and
/// popped, last iteration first, by its backward pass.
public struct _Tape<Element> {
  @usableFromInline var entries: [Element] = []

  @inlinable init() {}

  /// Records one iteration.
  @inlinable @inline(__always)
  public mutating func push(_ entry: Element) { entries.append(entry) }

  /// The iterations, last first: the order in which the backward pass replays them.
  @inlinable @inline(__always)
  public func reversed() -> ReversedCollection<[Element]> { entries.reversed() }
}

/// A tape for a `for-in` loop over `sequence` that assigns the variables in `state`.
@inlinable
public func _tape<S: Sequence, State>(for sequence: S, saving state: State) -> _Tape<(S.Element, State)> {
  var tape = _Tape<(S.Element, State)>()
  tape.entries.reserveCapacity(sequence.underestimatedCount)
  return tape
}

/// A tape for a `for-in` loop over `sequence` whose state is only its loop variable.
@inlinable
public func _tape<S: Sequence>(for sequence: S) -> _Tape<S.Element> {
  var tape = _Tape<S.Element>()
  tape.entries.reserveCapacity(sequence.underestimatedCount)
  return tape
}

/// A tape for a `while` or `repeat-while` loop that assigns the variables in `state`.
@inlinable
public func _tape<State>(saving state: State) -> _Tape<State> { _Tape<State>() }

/// The seed of a scalar result: 1.
@inlinable @inline(__always)
public func _unitSeed<T: FloatingPoint>(like value: T) -> T { 1 }

/// The gradient of a scalar function, from its value and pullback.
@inlinable @inline(__always)
public func _gradientOf<V: FloatingPoint, G>(_ valueAndPullback: (value: V, pullback: (V) -> G)) -> G {
  valueAndPullback.pullback(1)
}

/// The value and gradient of a scalar function, from its value and pullback.
@inlinable @inline(__always)
public func _valueWithGradientOf<V: FloatingPoint, G>(_ valueAndPullback: (value: V, pullback: (V) -> G)) -> (value: V, gradient: G) {
  (valueAndPullback.value, valueAndPullback.pullback(1))
}

/// Types a generated pullback closure by the value it belongs to.
@inlinable @inline(__always)
public func _pullbackClosure<V: Differentiable, G>(like value: V, _ pullback: @escaping (V.Tangent) -> G) -> (V.Tangent) -> G {
  pullback
}

/// Returns `value`, typed like `example`: the transform rewrites `xs.reduce(0) { ... }` into a
/// loop whose accumulator starts as `_typedLike(0, xs.prefix(0).reduce(0) { ... })`, so that
/// the literal `0` takes the type the closure gives the result. `example` runs no iteration.
@inlinable @inline(__always)
public func _typedLike<T>(_ value: T, _ example: T) -> T { value }

/// Where the pullback of a closure literal passed to a differentiable higher-order function puts
/// the gradients of the differentiated variables it captures: the caller reads them after the
/// higher-order function's pullback has run. One box per captured variable and call.
public final class _GradientBox<Gradient> {
  /// The gradient gathered so far.
  public var gradient: Gradient

  /// A box holding `gradient` (a zero).
  @inlinable public init(_ gradient: Gradient) { self.gradient = gradient }
}
