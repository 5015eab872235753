#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs work on several threads at once, each with the stack size the compiler gives a plugin's
/// main thread, so that deep recursion fails (or not) the way it would in the real plugin.
enum Workers {
  /// The stack size of each worker, 8 MiB (Linux's default main-thread stack).
  static let stackSize = 8 << 20

  /// Calls `body(worker)` for each worker in `0..<count`, each on its own thread, and returns
  /// when all have finished.
  static func run(count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    final class Job: @unchecked Sendable {
      let body: @Sendable (Int) -> Void
      let worker: Int
      init(body: @escaping @Sendable (Int) -> Void, worker: Int) {
        self.body = body
        self.worker = worker
      }
    }
    #if canImport(Glibc)
      var threads: [pthread_t] = []
    #else
      var threads: [pthread_t?] = []
    #endif
    for worker in 0..<count {
      let job = Unmanaged.passRetained(Job(body: body, worker: worker)).toOpaque()
      var attributes = pthread_attr_t()
      pthread_attr_init(&attributes)
      pthread_attr_setstacksize(&attributes, stackSize)
      #if canImport(Glibc)
        var thread = pthread_t()
      #else
        var thread: pthread_t?
      #endif
      let result = pthread_create(
        &thread, &attributes,
        { raw in
          let job = Unmanaged<Job>.fromOpaque(raw!).takeRetainedValue()
          job.body(job.worker)
          return nil
        }, job)
      pthread_attr_destroy(&attributes)
      if result == 0 {
        threads.append(thread)
      } else {
        // No thread: do the work here.
        let job = Unmanaged<Job>.fromOpaque(job).takeRetainedValue()
        job.body(job.worker)
      }
    }
    for thread in threads {
      #if canImport(Glibc)
        pthread_join(thread, nil)
      #else
        if let thread { pthread_join(thread, nil) }
      #endif
    }
  }
}
