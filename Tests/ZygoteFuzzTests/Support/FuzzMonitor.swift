import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Makes a crash or a hang of an in-process fuzz input name the input, so that it can be replayed.
///
/// Each worker thread announces its inputs with `begin(index:worker:)`. If the process then dies
/// by a signal (a trap, a stack overflow, an abort), a signal handler writes the seed, the index
/// and the replay command to stderr before handing the signal to the handler that was there
/// before (the Swift runtime's backtracer). If one input runs longer than `hangLimit`, a watchdog
/// thread writes the same and ends the process: a hung test would otherwise stall CI silently.
enum FuzzMonitor {
  /// How long one input may run before the watchdog declares a hang, in seconds. Inputs slower
  /// than the fuzz tests' own bound (2 s) but faster than this fail normally.
  static let hangLimit: UInt64 = 20
  /// The most worker threads watched.
  static let maximumWorkers = 4

  /// What one worker thread is doing.
  final class Slot: Sendable {
    /// The index of the running input, -1 between inputs.
    let index = Atomic<Int>(-1)
    /// When the running input started (`Stopwatch.now()`).
    let start = Atomic<UInt64>(0)
    /// The worker's `pthread_self()`.
    let thread = Atomic<UInt>(0)
  }

  /// One slot per worker.
  static let slots = (0..<maximumWorkers).map { _ in Slot() }
  /// The run's seed.
  static let currentSeed = Atomic<UInt64>(0)
  /// Whether the watchdog thread should keep running.
  static let watching = Atomic<Bool>(false)

  /// Signals that mean the input crashed.
  static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT]
  /// The handlers installed before ours, by signal number.
  nonisolated(unsafe) static var previousActions = [SignalAction](repeating: SignalAction(), count: 65)
  /// A buffer for the crash message, allocated before any crash (a signal handler must not allocate).
  nonisolated(unsafe) static let messageBuffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 512)
  /// The size of each worker's signal stack.
  static let alternateStackSize = 1 << 16
  /// The stacks the crash handler runs on, one per worker, so that it also runs after a stack overflow.
  nonisolated(unsafe) static let alternateStacks = (0..<maximumWorkers).map { _ in
    UnsafeMutableRawPointer.allocate(byteCount: alternateStackSize, alignment: 16)
  }
  /// Whether the handlers are installed.
  static let isInstalled = Atomic<Bool>(false)

  /// Starts reporting crashes and hangs for a run with `seed`.
  static func start(seed: UInt64) {
    currentSeed.store(seed, ordering: .relaxed)
    for slot in slots { slot.index.store(-1, ordering: .relaxed) }
    _ = previousActions.count  // Initialise the globals the signal handler reads, now.
    _ = messageBuffer
    installCrashHandlers()
    startWatchdog()
  }

  /// Registers the calling thread as worker `worker` and gives it a signal stack.
  static func enterWorker(_ worker: Int) {
    slots[worker].thread.store(currentThread(), ordering: .relaxed)
    var stack = stack_t()
    stack.ss_sp = alternateStacks[worker]
    stack.ss_size = alternateStackSize
    stack.ss_flags = 0
    sigaltstack(&stack, nil)
  }

  /// Marks the start of input `index` on worker `worker`.
  static func begin(index: Int, worker: Int) {
    slots[worker].start.store(Stopwatch.now(), ordering: .relaxed)
    slots[worker].index.store(index, ordering: .relaxed)
  }

  /// Marks the end of worker `worker`'s input.
  static func end(worker: Int) {
    slots[worker].index.store(-1, ordering: .relaxed)
  }

  /// Stops the watchdog (the crash handlers stay: they only speak while an input runs).
  static func stop() {
    for slot in slots { slot.index.store(-1, ordering: .relaxed) }
    watching.store(false, ordering: .relaxed)
  }

  // MARK: Crashes

  private static func installCrashHandlers() {
    guard !isInstalled.exchange(true, ordering: .relaxed) else { return }
    for signal in crashSignals {
      var action = SignalAction()
      #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = crashHandler
      #else
        action.__sigaction_u.__sa_handler = crashHandler
      #endif
      action.sa_flags = Int32(SA_ONSTACK)
      sigemptyset(&action.sa_mask)
      sigaction(signal, &action, &previousActions[Int(signal)])
    }
  }

  /// Writes which input crashed, puts the previous handler back and returns, so that the signal
  /// reaches that handler. Uses only async-signal-safe calls.
  static func reportCrash(_ signal: Int32) {
    let thread = currentThread()
    // The crashing thread's input; if the crash is on another thread, every running input.
    var crashingThreadRunsAnInput = false
    for worker in 0..<maximumWorkers
    where slots[worker].thread.load(ordering: .relaxed) == thread && slots[worker].index.load(ordering: .relaxed) >= 0 {
      crashingThreadRunsAnInput = true
    }
    for worker in 0..<maximumWorkers {
      let index = slots[worker].index.load(ordering: .relaxed)
      guard index >= 0, !crashingThreadRunsAnInput || slots[worker].thread.load(ordering: .relaxed) == thread else { continue }
      var length = 0
      length = append("\nZygoteFuzzTests: signal ", at: length)
      length = appendNumber(UInt64(signal), radix: 10, at: length)
      length = append(" while running input ", at: length)
      length = appendNumber(UInt64(index), radix: 10, at: length)
      length = append("; replay: ZYGOTE_FUZZ_SEED=0x", at: length)
      length = appendNumber(currentSeed.load(ordering: .relaxed), radix: 16, at: length)
      length = append(" ZYGOTE_FUZZ_INDEX=", at: length)
      length = appendNumber(UInt64(index), radix: 10, at: length)
      length = append(" swift test --filter ZygoteFuzzTests\n", at: length)
      _ = write(2, messageBuffer, length)
    }
    sigaction(signal, &previousActions[Int(signal)], nil)
    // A fault happens again when the handler returns; an abort does not, so send it again (it
    // stays pending until this handler returns, then reaches the restored one).
    if signal == SIGABRT { raise(signal) }
  }

  private static func append(_ text: StaticString, at offset: Int) -> Int {
    let count = max(0, min(text.utf8CodeUnitCount, 480 - offset))
    messageBuffer.advanced(by: offset).update(from: text.utf8Start, count: count)
    return offset + count
  }

  private static func appendNumber(_ value: UInt64, radix: UInt64, at offset: Int) -> Int {
    var digits = 1
    var rest = value / radix
    while rest > 0 {
      digits += 1
      rest /= radix
    }
    var remaining = value
    for position in (0..<digits).reversed() {
      let digit = UInt8(remaining % radix)
      messageBuffer[offset + position] = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "A") + digit - 10
      remaining /= radix
    }
    return offset + digits
  }

  private static func currentThread() -> UInt {
    #if canImport(Glibc)
      UInt(pthread_self())
    #else
      UInt(bitPattern: pthread_self())
    #endif
  }

  // MARK: Hangs

  private static func startWatchdog() {
    guard !watching.exchange(true, ordering: .relaxed) else { return }
    #if canImport(Glibc)
      var thread = pthread_t()
    #else
      var thread: pthread_t?
    #endif
    let result = pthread_create(
      &thread, nil,
      { _ in
        while FuzzMonitor.watching.load(ordering: .relaxed) {
          usleep(200_000)
          FuzzMonitor.checkForHang()
        }
        return nil
      }, nil)
    #if canImport(Glibc)
      if result == 0 { pthread_detach(thread) } else { watching.store(false, ordering: .relaxed) }
    #else
      if result == 0, let thread { pthread_detach(thread) } else { watching.store(false, ordering: .relaxed) }
    #endif
  }

  private static func checkForHang() {
    let seed = currentSeed.load(ordering: .relaxed)
    for slot in slots {
      let index = slot.index.load(ordering: .relaxed)
      guard index >= 0 else { continue }
      let elapsed = Stopwatch.now() &- slot.start.load(ordering: .relaxed)
      guard elapsed > hangLimit * 1_000_000_000, slot.index.load(ordering: .relaxed) == index else { continue }
      let message =
        "\nZygoteFuzzTests: input \(index) has run for more than \(hangLimit) s (a hang); replay: "
        + "ZYGOTE_FUZZ_SEED=0x\(String(seed, radix: 16, uppercase: true)) ZYGOTE_FUZZ_INDEX=\(index) "
        + "swift test --filter ZygoteFuzzTests\n"
      _ = message.withCString { write(2, $0, strlen($0)) }
      _exit(3)
    }
  }
}

/// The C `struct sigaction` (the bare name also denotes the function `sigaction`).
typealias SignalAction = sigaction

/// The crash signal handler (a C function: it captures nothing).
private let crashHandler: @convention(c) (Int32) -> Void = { signal in
  FuzzMonitor.reportCrash(signal)
}
