import ZygoteMacroHost
import ZygoteTestSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How a child process ended.
enum ExitStatus: Equatable, CustomStringConvertible {
  /// It exited with this status.
  case exited(Int32)
  /// A signal killed it.
  case signaled(Int32)
  /// It was still running at the deadline (and has been killed).
  case timedOut

  var description: String {
    switch self {
    case .exited(let status): "exit status \(status)"
    case .signaled(let signal): "killed by signal \(signal)"
    case .timedOut: "no exit before the deadline (killed)"
    }
  }
}

/// The built plugin executable, `ZygoteMacros-tool`, running as a child process and driven over
/// pipes the way the compiler drives it: frames of an 8-byte little-endian length and a JSON
/// payload. Reading replies keeps a cursor into stdout, so a session of thousands of requests
/// costs time linear in what the plugin writes.
final class PluginSession {
  /// Where `swift build` puts the plugin: next to the test bundle, else in the package's
  /// `.build/debug` or `.build/release`; nil when it is in none of them.
  static func executablePath(filePath: String = #filePath) -> String? {
    var candidates: [String] = []
    if let testBinary = currentExecutablePath() {
      candidates.append(directory(of: testBinary) + "/ZygoteMacros-tool")
    }
    // Tests/ZygoteFuzzTests/Support/PluginSession.swift → the package root.
    let root = directory(of: directory(of: directory(of: directory(of: filePath))))
    candidates += ["debug", "release"].map { "\(root)/.build/\($0)/ZygoteMacros-tool" }
    return candidates.first { access($0, X_OK) == 0 }
  }

  /// The child's process id.
  let pid: pid_t
  private var input: Int32
  private var output: Int32
  private var errorOutput: Int32
  /// Everything the plugin wrote to stdout so far.
  private(set) var stdout: [UInt8] = []
  /// Everything the plugin wrote to stderr so far.
  private(set) var stderr: [UInt8] = []
  /// How many bytes of `stdout` the frames read so far span.
  private var consumed = 0

  /// Starts the plugin with fresh pipes as its stdin, stdout and stderr.
  init(executable: String) throws {
    let stdinPipe = try FilePipe()
    let stdoutPipe = try FilePipe()
    let stderrPipe = try FilePipe()
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, stdinPipe.readEnd, 0)
    posix_spawn_file_actions_adddup2(&actions, stdoutPipe.writeEnd, 1)
    posix_spawn_file_actions_adddup2(&actions, stderrPipe.writeEnd, 2)
    var pid: pid_t = 0
    let argv: [UnsafeMutablePointer<CChar>?] = [strdup(executable), nil]
    defer { argv.forEach { free($0) } }
    let result = posix_spawn(&pid, executable, &actions, nil, argv, environ)
    guard result == 0 else { throw TestSystemError(function: "posix_spawn", code: result) }
    self.pid = pid
    stdinPipe.closeReadEnd()
    stdoutPipe.closeWriteEnd()
    stderrPipe.closeWriteEnd()
    input = stdinPipe.writeEnd
    output = stdoutPipe.readEnd
    errorOutput = stderrPipe.readEnd
  }

  deinit {
    for descriptor in [input, output, errorOutput] where descriptor >= 0 { closeDescriptor(descriptor) }
  }

  // MARK: Talking to the plugin

  /// Writes raw bytes to the plugin's stdin; false once the plugin has closed it.
  @discardableResult
  func send(_ bytes: [UInt8]) -> Bool {
    input >= 0 && writeAll(input, bytes)
  }

  /// Writes one frame holding `payload`.
  @discardableResult
  func sendFrame(_ payload: [UInt8]) -> Bool {
    send(Self.frame(payload))
  }

  /// Writes one message.
  @discardableResult
  func send(_ message: JSONValue) -> Bool {
    sendFrame(JSONSerializer.serialize(message))
  }

  /// `payload` behind its 8-byte little-endian length.
  static func frame(_ payload: [UInt8]) -> [UInt8] {
    (0..<8).map { UInt8(truncatingIfNeeded: UInt64(payload.count) >> (8 * UInt64($0))) } + payload
  }

  /// The payload of the next reply frame, waiting at most `timeout` seconds; nil when none came.
  func nextFrame(timeout: Double) -> [UInt8]? {
    let deadline = ContinuousClock.now + .seconds(timeout)
    while true {
      if stdout.count - consumed >= 8 {
        var length: UInt64 = 0
        for byte in 0..<8 { length |= UInt64(stdout[consumed + byte]) << (8 * UInt64(byte)) }
        if length <= UInt64(stdout.count - consumed - 8) {
          let start = consumed + 8
          consumed = start + Int(length)
          return Array(stdout[start..<consumed])
        }
      }
      guard pump(until: deadline) else { return nil }
    }
  }

  /// Closes stdin, reads stdout and stderr to their end and waits for the plugin to exit,
  /// killing it if it is still running after `timeout` seconds.
  func finish(timeout: Double = 30) -> ExitStatus {
    closeInput()
    let deadline = ContinuousClock.now + .seconds(timeout)
    while output >= 0 || errorOutput >= 0 {
      guard pump(until: deadline) else { break }
    }
    var status: Int32 = 0
    while true {
      let result = waitpid(pid, &status, WNOHANG)
      if result == pid { break }
      if result < 0 && errno != EINTR { return .timedOut }
      if ContinuousClock.now >= deadline {
        _ = kill(pid, SIGKILL)
        _ = waitpid(pid, &status, 0)
        return .timedOut
      }
      usleep(2_000)
    }
    let signal = status & 0x7F
    return signal == 0 ? .exited((status >> 8) & 0xFF) : .signaled(signal)
  }

  /// Kills the plugin and reaps it (after a reply that never came).
  func abandon() -> ExitStatus {
    _ = kill(pid, SIGKILL)
    return finish(timeout: 5)
  }

  /// Closes the plugin's stdin: end of input.
  func closeInput() {
    if input >= 0 { closeDescriptor(input) }
    input = -1
  }

  /// Waits for output on stdout or stderr and reads what is there. False when there is nothing
  /// more to read (both streams ended) or the deadline passed.
  private func pump(until deadline: ContinuousClock.Instant) -> Bool {
    var descriptors = [output, errorOutput].filter { $0 >= 0 }.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
    guard !descriptors.isEmpty else { return false }
    let remaining = deadline - ContinuousClock.now
    guard remaining > .zero else { return false }
    let milliseconds = Int32(
      min(remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000, 60_000))
    let ready = poll(&descriptors, nfds_t(descriptors.count), max(milliseconds, 1))
    if ready < 0 { return errno == EINTR }
    for entry in descriptors where entry.revents != 0 {
      var buffer = [UInt8](repeating: 0, count: 65536)
      let count = buffer.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      if entry.fd == output {
        if count <= 0 {
          closeDescriptor(output)
          output = -1
        } else {
          stdout += buffer[0..<count]
        }
      } else {
        if count <= 0 {
          closeDescriptor(errorOutput)
          errorOutput = -1
        } else {
          stderr += buffer[0..<count]
        }
      }
    }
    return true
  }

  private static func currentExecutablePath() -> String? {
    var buffer = [CChar](repeating: 0, count: 4096)
    let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    guard count > 0 else { return nil }
    return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  private static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return String(path[..<slash])
  }
}
