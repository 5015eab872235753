// The clock, the sink that keeps results alive, and the measuring loop.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Nanoseconds from `CLOCK_MONOTONIC`.
@inline(__always)
func monotonicNanoseconds() -> UInt64 {
  var time = timespec()
  clock_gettime(CLOCK_MONOTONIC, &time)
  return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
}

/// Where measured results go, so that the optimizer cannot drop the calls that made them.
nonisolated(unsafe) var benchmarkSink: Double = 0

/// Keeps `value` alive: an opaque store the optimizer must assume is observed.
@inline(never)
func blackHole(_ value: Double) {
  benchmarkSink += value
}

/// Calls `body` `count` times and returns the elapsed seconds.
///
/// `body` is a closure value loaded from a ``Workload`` at run time, so this loop cannot be
/// specialised for it: every call really happens, and its inputs are read anew each time.
@inline(never)
func timeCalls(_ body: () -> Double, count: Int) -> Double {
  var accumulated = 0.0
  let start = monotonicNanoseconds()
  var index = 0
  while index < count {
    accumulated += body()
    index += 1
  }
  let end = monotonicNanoseconds()
  blackHole(accumulated)
  return Double(end - start) * 1e-9
}

/// How much to measure.
struct TimingPolicy {
  /// Every repetition lasts at least this long (the calls per repetition are calibrated).
  var minimumRepetitionSeconds: Double
  /// Repetitions; the reported figure is their median.
  var repetitions: Int
  /// Quick mode: `quickCalls` calls, one repetition, no calibration. Not a measurement.
  var quick: Bool
  /// Calls made in quick mode.
  var quickCalls: Int

  /// Median of 7 repetitions of at least 50 ms each.
  static let full = TimingPolicy(minimumRepetitionSeconds: 0.05, repetitions: 7, quick: false, quickCalls: 0)
  /// Two calls, to see that it runs.
  static let quick = TimingPolicy(minimumRepetitionSeconds: 0, repetitions: 1, quick: true, quickCalls: 2)
}

/// The time per call of one variant.
struct Measurement {
  /// The median over repetitions of the time per call, in seconds.
  var secondsPerCall: Double
  /// The fastest repetition's time per call, in seconds.
  var minimumSecondsPerCall: Double
  /// Calls in each repetition.
  var callsPerRepetition: Int
  /// Time per call of each repetition, in seconds, in the order they ran.
  var samples: [Double]
}

/// Measures `bodies` together: calibrates each one's calls per repetition so that a repetition
/// lasts at least `policy.minimumRepetitionSeconds`, then runs the repetitions round-robin (one of
/// each body, `policy.repetitions` times) and takes each body's median.
///
/// Interleaving matters on a shared machine: a burst of load from another process then slows one
/// repetition of every variant instead of all repetitions of one, so the ratios stay honest.
func measureInterleaved(_ bodies: [() -> Double], policy: TimingPolicy) -> [Measurement] {
  if policy.quick {
    return bodies.map { body in
      let seconds = timeCalls(body, count: policy.quickCalls) / Double(policy.quickCalls)
      return Measurement(secondsPerCall: seconds, minimumSecondsPerCall: seconds, callsPerRepetition: policy.quickCalls, samples: [seconds])
    }
  }
  let counts = bodies.map { calibratedCount($0, policy: policy) }
  var samples = [[Double]](repeating: [], count: bodies.count)
  for _ in 0..<policy.repetitions {
    for index in bodies.indices {
      samples[index].append(timeCalls(bodies[index], count: counts[index]) / Double(counts[index]))
    }
  }
  return bodies.indices.map { index in
    let sorted = samples[index].sorted()
    let middle = sorted.count / 2
    let median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    return Measurement(
      secondsPerCall: median, minimumSecondsPerCall: sorted[0], callsPerRepetition: counts[index], samples: samples[index])
  }
}

/// Measures one body (see ``measureInterleaved(_:policy:)``).
func measure(_ body: @escaping () -> Double, policy: TimingPolicy) -> Measurement {
  measureInterleaved([body], policy: policy)[0]
}

/// The calls per repetition that make one repetition of `body` last at least
/// `policy.minimumRepetitionSeconds` (this also warms the caches and the branch predictors).
private func calibratedCount(_ body: () -> Double, policy: TimingPolicy) -> Int {
  var count = 1
  while true {
    let seconds = timeCalls(body, count: count)
    if seconds >= policy.minimumRepetitionSeconds { return count }
    let perCall = max(seconds / Double(count), 1e-10)
    let wanted = Int((policy.minimumRepetitionSeconds * 1.2 / perCall).rounded(.up))
    count = min(max(wanted, count * 2), count * 100)
  }
}

/// The time of a single call of `body`, in seconds.
func timeOneCall(_ body: () -> Double) -> Double {
  timeCalls(body, count: 1)
}

/// Calls each libm function the workloads use once, so that binding its symbol (the first call
/// through the PLT) is not charged to whichever workload's first call happens to meet it first.
func warmElementaryFunctions() {
  let x = benchmarkSink + 0.5  // not a constant the compiler could fold
  blackHole(sin(x) + cos(x) + tan(x) + exp(x) + log(x) + tanh(x))
}
