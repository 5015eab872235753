#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// An optional transcript of the session, for debugging the plugin: every request and reply,
/// one JSON document per line, prefixed with `> ` (from the compiler) or `< ` (to it).
///
/// The compiler starts plugins with an almost empty environment (Swift 6.3.1 passes only
/// `LC_CTYPE`), so inside a real build the switch is a file: when ``triggerFile`` exists, the
/// plugin appends to it (`touch /tmp/zygote-plugin.log; swift build`). When the plugin is run
/// by hand or by a test, the environment variable ``environmentVariable`` names the file.
/// Failing to open or write the file never affects the session.
public struct MessageLog {
  /// The environment variable naming the transcript file.
  public static let environmentVariable = "ZYGOTE_PLUGIN_LOG"
  /// The file the plugin appends to when it exists and the variable is unset.
  public static let triggerFile = "/tmp/zygote-plugin.log"

  private let descriptor: Int32

  /// The log named by ``environmentVariable``, else ``triggerFile`` if it exists, else nil.
  public static func fromEnvironment() -> MessageLog? {
    if let path = getenv(environmentVariable), path.pointee != 0 {
      let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
      return descriptor >= 0 ? MessageLog(descriptor: descriptor) : nil
    }
    // No O_CREAT: only a file someone created switches the transcript on.
    let descriptor = open(triggerFile, O_WRONLY | O_APPEND | O_CLOEXEC)
    return descriptor >= 0 ? MessageLog(descriptor: descriptor) : nil
  }

  /// Records a request's bytes as they arrived.
  public func recordRequest(_ payload: [UInt8]) { write(UInt8(ascii: ">"), payload) }

  /// Records a reply's bytes as they were sent.
  public func recordReply(_ payload: [UInt8]) { write(UInt8(ascii: "<"), payload) }

  private func write(_ direction: UInt8, _ payload: [UInt8]) {
    // One write per line, so lines from concurrent plugin processes do not interleave.
    var line: [UInt8] = [direction, 0x20]
    line.reserveCapacity(payload.count + 3)
    line.append(contentsOf: payload)
    line.append(0x0A)
    _ = line.withUnsafeBytes { SystemCalls.writeAll(descriptor, $0) }
  }
}
