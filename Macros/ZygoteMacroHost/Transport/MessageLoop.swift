/// The plugin's whole life: read a frame, parse it, answer it, until the host ends the session.
public enum MessageLoop {
  /// Serves `connection` with `handler` and returns the process's exit status: 0 when the host
  /// ended the session (a zero-length frame or end of input), 1 after reporting on stderr a
  /// transport error or a frame that is not JSON. Nothing but whole frames is ever written.
  /// `report` receives the sentence for stderr (tests capture it); `log`, when given, records
  /// every request and reply.
  public static func run(
    connection: FrameConnection, handler: inout MessageHandler, log: MessageLog? = nil,
    report: (String) -> Void = reportOnStandardError
  ) -> Int32 {
    func fail(_ message: String) -> Int32 {
      report(message)
      return 1
    }
    while true {
      let frame: [UInt8]
      do throws(TransportError) {
        guard let next = try connection.readFrame() else { return 0 }
        frame = next
        log?.recordRequest(next)
      } catch {
        return fail(error.description)
      }
      let request: JSONValue
      do throws(JSONParseError) {
        request = try JSONParser.parse(frame)
      } catch {
        return fail("the compiler sent a message that is not JSON (\(error))")
      }
      let reply = JSONSerializer.serialize(handler.handle(json: request).json)
      log?.recordReply(reply)
      do throws(TransportError) {
        try connection.writeFrame(reply)
      } catch {
        return fail(error.description)
      }
    }
  }

  /// Takes over stdin and stdout (see ``StandardIO``) and serves the compiler with the real
  /// transform. What `main.swift` calls.
  public static func runOverStandardIO() -> Int32 {
    let connection: FrameConnection
    do throws(TransportError) {
      connection = try StandardIO.takeOver()
    } catch {
      return fail(error.description)
    }
    var handler = MessageHandler()
    return run(connection: connection, handler: &handler, log: MessageLog.fromEnvironment())
  }

  private static func fail(_ message: String) -> Int32 {
    reportOnStandardError(message)
    return 1
  }

  /// Writes `ZygoteMacros: <message>` to stderr, which the compiler shows in the build log.
  public static func reportOnStandardError(_ message: String) {
    SystemCalls.printToStandardError("ZygoteMacros: \(message)")
  }
}
