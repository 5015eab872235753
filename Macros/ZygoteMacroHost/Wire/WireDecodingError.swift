/// A JSON message that is well-formed but does not have the shape the protocol defines.
public struct WireDecodingError: Error, Equatable, CustomStringConvertible {
  /// Where in the message, as a dotted path such as `expandAttachedMacro.declSyntax.location`.
  public var path: String
  /// What was wrong there.
  public var reason: String

  /// Creates a decoding error.
  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  /// `"path: reason"`.
  public var description: String { path.isEmpty ? reason : "\(path): \(reason)" }
}
