// Identity of tensors, for implicit parameters. Every tensor value carries a token handed out by
// one process-wide counter when the value is made; in-place mutation keeps the token, so a tensor
// held in a variable keeps its identity across `W -= lr * g[W]!`, while the result of an operation
// is a new value with a new token.

#if os(Linux) || os(Android) || os(Windows)
  import Synchronization
#elseif canImport(Darwin)
  import Darwin
#endif

/// The identity of a tensor value: what ``Params`` records and ``Grads`` is keyed by.
///
/// A new identity is drawn for every tensor that an initializer or an operation creates. Copying a
/// tensor (`let v = W`) copies its identity; mutating a tensor in place (`W -= 0.1 * g[W]!`,
/// `W[0] = row`, `W += d`) keeps it. Identities are unique within a process.
public struct ParameterID: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The token: a positive number, unique within the process.
  public let rawValue: UInt64

  /// Wraps a raw token. Tokens are normally drawn with ``ParameterID/next()``.
  @inlinable public init(rawValue: UInt64) { self.rawValue = rawValue }

  /// A new identity, never returned before in this process (thread-safe).
  @inlinable public static func next() -> ParameterID {
    ParameterID(rawValue: _nextParameterToken())
  }

  /// Orders identities by creation.
  @inlinable public static func < (lhs: ParameterID, rhs: ParameterID) -> Bool {
    lhs.rawValue < rhs.rawValue
  }

  /// `#` followed by the token, such as `#17`.
  public var description: String { "#\(rawValue)" }
}

#if os(Linux) || os(Android) || os(Windows)
  /// The process-wide counter of tensor identities (a relaxed atomic: only uniqueness matters).
  private let parameterTokenCounter = Atomic<UInt64>(1)

  /// Draws the next token from the process-wide counter.
  @usableFromInline func _nextParameterToken() -> UInt64 {
    parameterTokenCounter.wrappingAdd(1, ordering: .relaxed).oldValue
  }
#else
  /// A process-wide counter behind a lock. (`Synchronization.Atomic` needs macOS 15, newer than the
  /// package's deployment target, so Apple platforms take this path.)
  private final class ParameterTokenCounter: @unchecked Sendable {
    // A lock must not move: it lives in its own allocation, never freed (the counter is global).
    private let lock: UnsafeMutablePointer<os_unfair_lock> = {
      let pointer = UnsafeMutablePointer<os_unfair_lock>.allocate(capacity: 1)
      pointer.initialize(to: os_unfair_lock())
      return pointer
    }()
    private var value: UInt64 = 1
    func next() -> UInt64 {
      os_unfair_lock_lock(lock)
      defer { os_unfair_lock_unlock(lock) }
      let result = value
      value += 1
      return result
    }
  }
  private let parameterTokenCounter = ParameterTokenCounter()

  /// Draws the next token from the process-wide counter.
  @usableFromInline func _nextParameterToken() -> UInt64 { parameterTokenCounter.next() }
#endif
