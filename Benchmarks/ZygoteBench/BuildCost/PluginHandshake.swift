// The plugin's start-up time: spawn the built plugin executable and time the capability
// handshake, with a timeout so that a plugin that does not answer cannot hang the benchmark.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a handshake attempt found.
enum HandshakeOutcome {
  /// The plugin answered `getCapabilityResult`; seconds from spawn to the whole reply read.
  case answered(seconds: Double)
  /// It did not; why, in a few words.
  case failed(String)
}

/// The capability request, exactly as the compiler sends it.
let capabilityRequest = #"{"getCapability":{"capability":{"protocolVersion":7}}}"#

/// The plugin executable next to (or near) this benchmark's own executable, or nil.
///
/// Looks in the benchmark's directory first (`.build/<triple>/<config>/`), then in the sibling
/// `release` and `debug` directories.
func findPluginExecutable(named name: String = "ZygoteMacros-tool") -> String? {
  var buffer = [CChar](repeating: 0, count: 4096)
  let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
  guard length > 0 else { return nil }
  let bytes = buffer[0..<length].map { UInt8(bitPattern: $0) }
  let executable = String(decoding: bytes, as: UTF8.self)
  guard let slash = executable.lastIndex(of: "/") else { return nil }
  let directory = String(executable[..<slash])
  var candidates = [directory + "/" + name]
  if let parentSlash = directory.lastIndex(of: "/") {
    let parent = String(directory[..<parentSlash])
    candidates += [parent + "/release/" + name, parent + "/debug/" + name]
  }
  return candidates.first { access($0, X_OK) == 0 }
}

/// Spawns `path`, sends the capability request, reads one reply frame, sends a zero-length frame,
/// and waits for the plugin to exit. Never waits longer than `timeoutSeconds` for any step; a
/// plugin that overstays is killed.
func timeCapabilityHandshake(path: String, timeoutSeconds: Double = 2) -> HandshakeOutcome {
  signal(SIGPIPE, SIG_IGN)  // a plugin that exits early must not kill the benchmark
  var toChild: [Int32] = [-1, -1]
  var fromChild: [Int32] = [-1, -1]
  guard pipe(&toChild) == 0 else { return .failed("pipe failed: errno \(errno)") }
  guard pipe(&fromChild) == 0 else {
    close(toChild[0])
    close(toChild[1])
    return .failed("pipe failed: errno \(errno)")
  }
  // Only the ends that the file actions put on the child's stdin and stdout may reach it.
  for fd in toChild + fromChild { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
  posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)

  let argument0 = strdup(path)
  defer { free(argument0) }
  let arguments: [UnsafeMutablePointer<CChar>?] = [argument0, nil]

  let start = monotonicNanoseconds()
  var pid: pid_t = 0
  let spawned = arguments.withUnsafeBufferPointer { argv in
    posix_spawn(&pid, path, &actions, nil, argv.baseAddress!, environ)
  }
  close(toChild[0])
  close(fromChild[1])
  let writeEnd = toChild[1]
  let readEnd = fromChild[0]
  guard spawned == 0 else {
    close(writeEnd)
    close(readEnd)
    return .failed("could not start it: errno \(spawned)")
  }

  let deadline = start + UInt64(timeoutSeconds * 1e9)
  var outcome: HandshakeOutcome
  if writeAll(writeEnd, frame(capabilityRequest)) {
    switch readFrame(readEnd, deadline: deadline) {
    case .success(let reply):
      let seconds = Double(monotonicNanoseconds() - start) * 1e-9
      if reply.contains("getCapabilityResult") {
        outcome = .answered(seconds: seconds)
      } else {
        outcome = .failed("unexpected reply: \(reply.prefix(80))")
      }
    case .failure(let error):
      outcome = .failed(error.reason)
    }
  } else {
    outcome = .failed("it closed its input before the request was written")
  }
  // End the session: a zero-length frame, then end of input.
  _ = writeAll(writeEnd, [UInt8](repeating: 0, count: 8))
  close(writeEnd)
  close(readEnd)
  // A plugin that answered gets the full timeout to exit; one that did not is not waited for long.
  var exitWait = timeoutSeconds
  if case .failed = outcome { exitWait = 0.1 }
  if !waitForExit(pid, deadline: monotonicNanoseconds() + UInt64(exitWait * 1e9)) {
    kill(pid, SIGKILL)
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    if case .answered = outcome {
      outcome = .failed("answered, but did not exit after the zero-length frame")
    }
  }
  return outcome
}

/// A message frame: an 8-byte little-endian length, then the UTF-8 JSON.
private func frame(_ json: String) -> [UInt8] {
  let body = Array(json.utf8)
  var bytes: [UInt8] = []
  var length = UInt64(body.count)
  for _ in 0..<8 {
    bytes.append(UInt8(length & 0xFF))
    length >>= 8
  }
  return bytes + body
}

private func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
  var offset = 0
  while offset < bytes.count {
    let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    if written < 0 && errno == EINTR { continue }
    if written <= 0 { return false }
    offset += written
  }
  return true
}

/// Reads exactly `count` bytes unless the deadline passes or the other end closes.
private func readExactly(_ fd: Int32, _ count: Int, deadline: UInt64) -> Result<[UInt8], HandshakeError> {
  var bytes = [UInt8](repeating: 0, count: count)
  var offset = 0
  while offset < count {
    let now = monotonicNanoseconds()
    guard now < deadline else { return .failure(HandshakeError("no reply within the timeout")) }
    var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
    let ready = poll(&poller, 1, Int32((deadline - now) / 1_000_000) + 1)
    if ready < 0 && errno == EINTR { continue }
    if ready < 0 { return .failure(HandshakeError("poll failed: errno \(errno)")) }
    if ready == 0 { continue }
    let got = bytes[offset...].withUnsafeMutableBytes { read(fd, $0.baseAddress, count - offset) }
    if got < 0 && errno == EINTR { continue }
    if got < 0 { return .failure(HandshakeError("read failed: errno \(errno)")) }
    if got == 0 { return .failure(HandshakeError("it exited without replying")) }
    offset += got
  }
  return .success(bytes)
}

private struct HandshakeError: Error {
  var reason: String
  init(_ reason: String) { self.reason = reason }
}

/// Reads one frame and returns its JSON text.
private func readFrame(_ fd: Int32, deadline: UInt64) -> Result<String, HandshakeError> {
  readExactly(fd, 8, deadline: deadline).flatMap { header in
    var length: UInt64 = 0
    for byte in header.reversed() { length = length << 8 | UInt64(byte) }
    guard length > 0, length < 1 << 24 else { return .failure(HandshakeError("reply frame of length \(length)")) }
    return readExactly(fd, Int(length), deadline: deadline).map { String(decoding: $0, as: UTF8.self) }
  }
}

/// Waits for `pid` to exit; false if it is still running at the deadline.
private func waitForExit(_ pid: pid_t, deadline: UInt64) -> Bool {
  var status: Int32 = 0
  while true {
    let result = waitpid(pid, &status, WNOHANG)
    if result == pid || (result < 0 && errno != EINTR) { return true }
    if monotonicNanoseconds() >= deadline { return false }
    usleep(500)
  }
}
