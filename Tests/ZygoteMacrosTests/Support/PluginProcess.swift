import ZygoteMacroHost
import ZygoteTestSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How a child process ended.
enum ExitStatus: Equatable {
  /// It exited with this status.
  case exited(Int32)
  /// A signal killed it.
  case signaled(Int32)
  /// It was still running at the deadline (and has been killed).
  case timedOut
}

/// The built plugin executable running as a child process, driven over pipes the way the
/// compiler drives it.
final class PluginProcess {
  /// Where `swift build` puts the plugin: next to the test bundle, in the same build products
  /// directory; nil when it is not there.
  static func executablePath(filePath: String = #filePath) -> String? {
    var candidates: [String] = []
    if let testBinary = currentExecutablePath() {
      candidates.append(directory(of: testBinary) + "/ZygoteMacros-tool")
    }
    // Tests/ZygoteMacrosTests/Support/PluginProcess.swift → the package root.
    let root = directory(of: directory(of: directory(of: directory(of: filePath))))
    candidates += ["debug", "release"].map { "\(root)/.build/\($0)/ZygoteMacros-tool" }
    return candidates.first { access($0, X_OK) == 0 }
  }

  let pid: pid_t
  private var input: Int32
  private var output: Int32
  private var errorOutput: Int32
  /// Everything the plugin wrote to stdout so far.
  private(set) var stdout: [UInt8] = []
  /// Everything the plugin wrote to stderr so far.
  private(set) var stderr: [UInt8] = []
  private var repliesRead = 0

  /// Starts the plugin with fresh pipes as its stdin, stdout and stderr, and this process's
  /// environment plus `environment`.
  init(executable: String, environment: [String: String] = [:]) throws {
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
    var envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") }
    var inherited = environ
    while let entry = inherited.pointee {
      envp.append(strdup(entry))
      inherited += 1
    }
    envp.append(nil)
    defer { envp.forEach { free($0) } }
    let result = posix_spawn(&pid, executable, &actions, nil, argv, envp)
    guard result == 0 else { throw TestSystemError(function: "posix_spawn", code: result) }
    self.pid = pid
    // Keep only the parent's ends.
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
    send((0..<8).map { UInt8(truncatingIfNeeded: UInt64(payload.count) >> (8 * UInt64($0))) } + payload)
  }

  /// Writes one message.
  @discardableResult
  func send(_ message: JSONValue) -> Bool {
    sendFrame(JSONSerializer.serialize(message))
  }

  /// Closes the plugin's stdin: end of input.
  func closeInput() {
    if input >= 0 { closeDescriptor(input) }
    input = -1
  }

  /// The next reply, waiting at most `timeout` seconds for it; nil when none came.
  func nextReply(timeout: Double = 30) throws -> PluginReply? {
    let deadline = ContinuousClock.now + .seconds(timeout)
    while FrameSplitter.split(stdout).frames.count <= repliesRead {
      guard pump(until: deadline) else { return nil }
    }
    let frame = FrameSplitter.split(stdout).frames[repliesRead]
    repliesRead += 1
    return try PluginReply(json: JSONParser.parse(frame))
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
        kill(pid, SIGKILL)
        _ = waitpid(pid, &status, 0)
        return .timedOut
      }
      usleep(5_000)
    }
    let signal = status & 0x7F
    return signal == 0 ? .exited((status >> 8) & 0xFF) : .signaled(signal)
  }

  /// Waits for output on stdout or stderr and reads what is there. False when there is nothing
  /// more to read (both streams ended) or the deadline passed.
  private func pump(until deadline: ContinuousClock.Instant) -> Bool {
    var descriptors = [output, errorOutput].filter { $0 >= 0 }.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
    guard !descriptors.isEmpty else { return false }
    let remaining = deadline - ContinuousClock.now
    guard remaining > .zero else { return false }
    let milliseconds = Int32(min(remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000, 60_000))
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
