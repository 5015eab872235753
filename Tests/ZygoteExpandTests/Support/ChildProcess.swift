#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs an executable to completion and collects what it wrote.
struct ChildProcess {
  /// How a run ended.
  enum Status: Equatable {
    /// It exited with this status.
    case exited(Int32)
    /// A signal killed it.
    case signaled(Int32)
    /// It was still running at the deadline and has been killed.
    case timedOut
  }

  /// A failed system call.
  struct SystemError: Error, CustomStringConvertible {
    var function: String
    var code: Int32
    var description: String { "\(function) failed with errno \(code)" }
  }

  /// How the run ended.
  var status: Status
  /// Everything written to standard output.
  var stdout: String
  /// Everything written to standard error.
  var stderr: String

  /// Runs `executable` with `arguments`, standard input empty, and waits at most `timeout`
  /// seconds for it to finish.
  static func run(_ executable: String, _ arguments: [String], timeout: Int32 = 60) throws -> ChildProcess {
    var output: [Int32] = [-1, -1]
    var errors: [Int32] = [-1, -1]
    guard pipe(&output) == 0, pipe(&errors) == 0 else { throw SystemError(function: "pipe", code: errno) }
    for descriptor in output + errors { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, output[1], 1)
    posix_spawn_file_actions_adddup2(&actions, errors[1], 2)
    let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let result = posix_spawn(&pid, executable, &actions, nil, argv, environ)
    close(output[1])
    close(errors[1])
    guard result == 0 else {
      close(output[0])
      close(errors[0])
      throw SystemError(function: "posix_spawn", code: result)
    }

    // Read both pipes until both end, so that neither can fill up and block the child.
    var collected: [Int32: [UInt8]] = [output[0]: [], errors[0]: []]
    var open = [output[0], errors[0]]
    let deadline = time(nil) + Int(timeout)
    var timedOut = false
    while !open.isEmpty {
      var descriptors = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
      if time(nil) > deadline {
        timedOut = true
        break
      }
      let ready = poll(&descriptors, nfds_t(descriptors.count), 1000)
      if ready < 0 && errno != EINTR { break }
      for entry in descriptors where entry.revents != 0 {
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = buffer.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress, $0.count) }
        if count > 0 {
          collected[entry.fd, default: []] += buffer[0..<count]
        } else if count == 0 || errno != EINTR {
          open.removeAll { $0 == entry.fd }
        }
      }
    }
    if timedOut { kill(pid, SIGKILL) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    close(output[0])
    close(errors[0])
    let signal = status & 0x7F
    let ended: Status = timedOut ? .timedOut : signal == 0 ? .exited((status >> 8) & 0xFF) : .signaled(signal)
    return ChildProcess(
      status: ended, stdout: String(decoding: collected[output[0]] ?? [], as: UTF8.self),
      stderr: String(decoding: collected[errors[0]] ?? [], as: UTF8.self))
  }

  /// The directory of the running test executable (where `swift build` also puts the tools).
  static func currentExecutableDirectory() -> String? {
    var buffer = [CChar](repeating: 0, count: 4096)
    let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    guard count > 0 else { return nil }
    return Files.directory(of: String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self))
  }
}
