/// A message about the user's source: an error that stops the expansion, or a warning or note.
public struct Diagnostic: Equatable, Sendable {
  /// How serious the message is.
  public enum Severity: String, Equatable, Sendable {
    /// Stops the expansion: no code is generated.
    case error
    /// Reported; the expansion goes on.
    case warning
    /// Extra information attached to another diagnostic.
    case note
  }

  /// A suggested edit: replace `range` with `replacement`.
  public struct FixIt: Equatable, Sendable {
    /// What the edit does, in a few words.
    public var message: String
    /// The text to replace.
    public var range: SourceRange
    /// The new text.
    public var replacement: String

    /// Creates a fix-it.
    public init(message: String, range: SourceRange, replacement: String) {
      self.message = message
      self.range = range
      self.replacement = replacement
    }
  }

  /// How serious the message is.
  public var severity: Severity
  /// The message, naming the construct and the fix.
  public var message: String
  /// The source the message is about (UTF-8 offsets into the text that was parsed).
  public var range: SourceRange
  /// Suggested edits.
  public var fixIts: [FixIt]

  /// Creates a diagnostic.
  public init(_ severity: Severity, _ message: String, at range: SourceRange, fixIts: [FixIt] = []) {
    self.severity = severity
    self.message = message
    self.range = range
    self.fixIts = fixIts
  }

  /// Creates an error.
  public static func error(_ message: String, at range: SourceRange, fixIts: [FixIt] = []) -> Diagnostic {
    Diagnostic(.error, message, at: range, fixIts: fixIts)
  }
}
