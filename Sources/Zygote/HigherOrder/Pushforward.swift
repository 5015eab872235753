// Forward mode: a function generic over its scalar is evaluated on dual numbers. Each call of
// the differential evaluates the function once more, seeded with the direction, so a
// pushforward never records anything: its memory is that of the plain function.
//
//     #pushforward(f, at: x)   =>   _pushforward(at: x) { f($0) }

/// The value of `f` at `x` and its differential there (scalar to scalar).
@inlinable
public func _pushforward<T: ElementaryFloatingPoint>(
  at x: T, _ f: @escaping (Dual<T>) -> Dual<T>
) -> (value: T, differential: (T) -> T) {
  (f(Dual(constant: x)).value, { v in f(Dual(x, derivative: v)).derivative })
}

/// The value of `f` at `x` and its differential there (array to scalar): `differential(v)` is
/// the directional derivative `∇f·v`.
@inlinable
public func _pushforward<T: ElementaryFloatingPoint>(
  at x: [T], _ f: @escaping ([Dual<T>]) -> Dual<T>
) -> (value: T, differential: ([T]) -> T) {
  (f(x.map { Dual(constant: $0) }).value, { v in f(_seeded(x, v)).derivative })
}

/// The value of `f` at `x` and its differential there (array to array): `differential(v)` is
/// the Jacobian-vector product `J·v`.
@inlinable
public func _pushforward<T: ElementaryFloatingPoint>(
  at x: [T], _ f: @escaping ([Dual<T>]) -> [Dual<T>]
) -> (value: [T], differential: ([T]) -> [T]) {
  (f(x.map { Dual(constant: $0) }).map(\.value), { v in f(_seeded(x, v)).map(\.derivative) })
}

/// The value of `f` at `x` and its differential there (scalar to array).
@inlinable
public func _pushforward<T: ElementaryFloatingPoint>(
  at x: T, _ f: @escaping (Dual<T>) -> [Dual<T>]
) -> (value: [T], differential: (T) -> [T]) {
  (f(Dual(constant: x)).map(\.value), { v in f(Dual(x, derivative: v)).map(\.derivative) })
}

/// `x + vε`, element by element.
@inlinable
public func _seeded<T: ElementaryFloatingPoint>(_ x: [T], _ v: [T]) -> [Dual<T>] {
  precondition(x.count == v.count, "a tangent of \(v.count) elements for a point of \(x.count)")
  var seeded: [Dual<T>] = []
  seeded.reserveCapacity(x.count)
  for i in x.indices { seeded.append(Dual(x[i], derivative: v[i])) }
  return seeded
}

/// Reached only when the function cannot run on dual numbers.
@available(*, unavailable, message: "#pushforward needs a function generic over its scalar, e.g. func f<T: ElementaryFloatingPoint>(_ x: T) -> T: forward mode evaluates it on Dual<Double> numbers")
@_disfavoredOverload
public func _pushforward<A, R>(at x: A, _ f: @escaping (A) -> R) -> (value: R, differential: (A) -> R) { fatalError() }
