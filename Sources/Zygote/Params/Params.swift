// Params: the set of implicit parameters a gradient is taken with respect to (Zygote's
// `Params`). It records identities, not values: a parameter is any tensor whose
// ``Tensor/parameterID`` is in the set, wherever the differentiated code reads it from.

/// An ordered, duplicate-free set of tensor identities: the implicit parameters of a gradient.
///
/// ```swift
/// var W = Tensor<Double>(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
/// var b = Tensor<Double>([1, 1])
/// let g = #gradient(Params([W, b])) { (matmul(W, x) + b).sum() }
/// W -= 0.1 * g[W]!      // W keeps its identity, so Params([W, b]) still names it
/// ```
///
/// `Params` holds identities only (no copies of the tensors), so it stays valid while the
/// parameters are updated in place.
public struct Params: Sendable, Sequence, CustomStringConvertible {
  /// The identities, in the order they were first added.
  public private(set) var ids: [ParameterID]
  /// The same identities, for membership tests.
  @usableFromInline internal var _members: Set<ParameterID>

  /// No parameters.
  public init() {
    ids = []
    _members = []
  }

  /// The identities of `tensors`, in order, without duplicates.
  @inlinable public init<Scalar>(_ tensors: [Tensor<Scalar>]) {
    self.init(ids: tensors.map(\.parameterID))
  }

  /// The given identities, in order, without duplicates.
  public init(ids: [ParameterID]) {
    self.init()
    for id in ids { insert(id) }
  }

  /// The number of parameters.
  public var count: Int { ids.count }

  /// Whether there are no parameters.
  public var isEmpty: Bool { ids.isEmpty }

  /// Adds `tensor`'s identity (nothing happens if it is already present).
  @inlinable public mutating func append<Scalar>(_ tensor: Tensor<Scalar>) {
    insert(tensor.parameterID)
  }

  /// Adds `id` (nothing happens if it is already present).
  public mutating func insert(_ id: ParameterID) {
    if _members.insert(id).inserted { ids.append(id) }
  }

  /// Whether `tensor` is one of the parameters.
  @inlinable public func contains<Scalar>(_ tensor: Tensor<Scalar>) -> Bool {
    _members.contains(tensor.parameterID)
  }

  /// Whether `id` is one of the parameters.
  @inlinable public func contains(_ id: ParameterID) -> Bool { _members.contains(id) }

  /// Iterates over the identities in order.
  public func makeIterator() -> IndexingIterator<[ParameterID]> { ids.makeIterator() }

  /// `Params([#3, #4])`
  public var description: String { "Params(\(ids))" }
}
