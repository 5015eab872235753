// One object per thread, for the state that implicit-parameter gradients keep per thread (the
// gradient contexts, the pending recorder): POSIX thread-specific data, so no Foundation, and two
// threads computing gradients at once never see each other's state.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Releases a thread's object when the thread exits.
#if canImport(Darwin)
  private func releaseThreadSpecificObject(_ pointer: UnsafeMutableRawPointer) {
    Unmanaged<AnyObject>.fromOpaque(pointer).release()
  }
#else
  private func releaseThreadSpecificObject(_ pointer: UnsafeMutableRawPointer?) {
    if let pointer { Unmanaged<AnyObject>.fromOpaque(pointer).release() }
  }
#endif

/// An object of type `Value` for each thread, made on the thread's first use and released when
/// the thread exits.
final class ThreadSpecific<Value: AnyObject>: @unchecked Sendable {
  // Safe: `key` and `make` never change, and each thread only ever touches its own object.
  private let key: pthread_key_t
  private let make: @Sendable () -> Value

  /// Thread-specific objects made by `make`.
  init(_ make: @escaping @Sendable () -> Value) {
    var key = pthread_key_t()
    let status = pthread_key_create(&key, releaseThreadSpecificObject)
    precondition(status == 0, "Zygote: pthread_key_create failed (\(status))")
    self.key = key
    self.make = make
  }

  /// This thread's object, made on first use.
  var value: Value {
    if let existing = existingValue { return existing }
    let made = make()
    pthread_setspecific(key, Unmanaged.passRetained(made as AnyObject).toOpaque())
    return made
  }

  /// This thread's object, if the thread has used it.
  var existingValue: Value? {
    guard let pointer = pthread_getspecific(key) else { return nil }
    // Only this type's objects are stored under `key`.
    return unsafeDowncast(Unmanaged<AnyObject>.fromOpaque(pointer).takeUnretainedValue(), to: Value.self)
  }
}
