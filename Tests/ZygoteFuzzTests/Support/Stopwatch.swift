#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Clocks, in nanoseconds, from `clock_gettime`.
enum Stopwatch {
  /// Wall-clock nanoseconds since an arbitrary fixed point; never goes backwards.
  static func now() -> UInt64 {
    read(CLOCK_MONOTONIC)
  }

  /// Nanoseconds of CPU time the calling thread has used. The time bound on one input is
  /// measured with this clock, so that other processes competing for the CPU (a parallel build
  /// on a two-core CI machine) cannot make an input look slow.
  static func threadCPUTime() -> UInt64 {
    read(CLOCK_THREAD_CPUTIME_ID)
  }

  /// Seconds from `start` to now.
  static func seconds(since start: UInt64) -> Double {
    Double(now() &- start) / 1e9
  }

  /// Seconds of this thread's CPU time since `start` (a `threadCPUTime()` reading).
  static func cpuSeconds(since start: UInt64) -> Double {
    Double(threadCPUTime() &- start) / 1e9
  }

  private static func read(_ clock: clockid_t) -> UInt64 {
    var time = timespec()
    clock_gettime(clock, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
  }
}
