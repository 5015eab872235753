/// A diagnostic as the host receives it: every position is an absolute UTF-8 offset in the named
/// file (the host's `location.offset` plus the offset inside the node's `source`).
public struct WireDiagnostic: Equatable, Sendable {
  /// How serious the message is.
  public enum Severity: String, Equatable, Sendable {
    /// Stops the build.
    case error
    /// Reported; the build goes on.
    case warning
    /// Extra information.
    case note
    /// A remark.
    case remark
  }

  /// A point in a file.
  public struct Position: Equatable, Sendable {
    /// The file, as the host's `location.fileName`.
    public var fileName: String
    /// UTF-8 offset in the file.
    public var offset: Int

    /// Creates a position.
    public init(fileName: String, offset: Int) {
      self.fileName = fileName
      self.offset = offset
    }

    /// "No position": the host then reports the diagnostic at the macro use.
    public static let invalid = Position(fileName: "", offset: 0)
  }

  /// A half-open range of UTF-8 offsets in a file.
  public struct PositionRange: Equatable, Sendable {
    /// The file, as the host's `location.fileName`.
    public var fileName: String
    /// Offset of the first byte.
    public var startOffset: Int
    /// Offset one past the last byte.
    public var endOffset: Int

    /// Creates a range.
    public init(fileName: String, startOffset: Int, endOffset: Int) {
      self.fileName = fileName
      self.startOffset = startOffset
      self.endOffset = endOffset
    }
  }

  /// A note attached to the diagnostic.
  public struct Note: Equatable, Sendable {
    /// Where the note points.
    public var position: Position
    /// The note's text.
    public var message: String

    /// Creates a note.
    public init(position: Position, message: String) {
      self.position = position
      self.message = message
    }
  }

  /// A suggested edit made of one or more replacements.
  public struct FixIt: Equatable, Sendable {
    /// One replacement.
    public struct Change: Equatable, Sendable {
      /// The text to replace.
      public var range: PositionRange
      /// What replaces it.
      public var newText: String

      /// Creates a change.
      public init(range: PositionRange, newText: String) {
        self.range = range
        self.newText = newText
      }
    }

    /// What the edit does.
    public var message: String
    /// The replacements.
    public var changes: [Change]

    /// Creates a fix-it.
    public init(message: String, changes: [Change]) {
      self.message = message
      self.changes = changes
    }
  }

  /// The message.
  public var message: String
  /// How serious it is.
  public var severity: Severity
  /// Where the host puts the caret.
  public var position: Position
  /// Ranges the host underlines.
  public var highlights: [PositionRange]
  /// Attached notes.
  public var notes: [Note]
  /// Suggested edits.
  public var fixIts: [FixIt]

  /// Creates a diagnostic.
  public init(
    message: String, severity: Severity, position: Position, highlights: [PositionRange] = [],
    notes: [Note] = [], fixIts: [FixIt] = []
  ) {
    self.message = message
    self.severity = severity
    self.position = position
    self.highlights = highlights
    self.notes = notes
    self.fixIts = fixIts
  }
}

// MARK: JSON

extension WireDiagnostic {
  /// The diagnostic as the protocol's JSON object.
  public var json: JSONValue {
    .object([
      "message": .string(message), "severity": .string(severity.rawValue), "position": position.json,
      "highlights": .array(highlights.map(\.json)), "notes": .array(notes.map(\.json)),
      "fixIts": .array(fixIts.map(\.json)),
    ])
  }

  init(reading reader: ObjectReader) throws(WireDecodingError) {
    message = try reader.string("message")
    let severityName = try reader.string("severity")
    guard let severity = Severity(rawValue: severityName) else {
      throw WireDecodingError(path: reader.pathOf("severity"), reason: "unknown severity '\(severityName)'")
    }
    self.severity = severity
    position = try Position(reading: reader.object("position"))
    highlights = try reader.map(reader.optionalArray("highlights") ?? [], of: "highlights") { reader throws(WireDecodingError) in
      try PositionRange(reading: reader)
    }
    notes = try reader.map(reader.optionalArray("notes") ?? [], of: "notes") { reader throws(WireDecodingError) in
      Note(position: try Position(reading: reader.object("position")), message: try reader.string("message"))
    }
    fixIts = try reader.map(reader.optionalArray("fixIts") ?? [], of: "fixIts") { reader throws(WireDecodingError) in
      let changes = try reader.map(reader.array("changes"), of: "changes") { reader throws(WireDecodingError) in
        FixIt.Change(range: try PositionRange(reading: reader.object("range")), newText: try reader.string("newText"))
      }
      return FixIt(message: try reader.string("message"), changes: changes)
    }
  }
}

extension WireDiagnostic.Position {
  var json: JSONValue { .object(["fileName": .string(fileName), "offset": .integer(offset)]) }

  init(reading reader: ObjectReader) throws(WireDecodingError) {
    self.init(fileName: try reader.string("fileName"), offset: try reader.int("offset"))
  }
}

extension WireDiagnostic.PositionRange {
  var json: JSONValue {
    .object(["fileName": .string(fileName), "startOffset": .integer(startOffset), "endOffset": .integer(endOffset)])
  }

  init(reading reader: ObjectReader) throws(WireDecodingError) {
    self.init(
      fileName: try reader.string("fileName"), startOffset: try reader.int("startOffset"),
      endOffset: try reader.int("endOffset"))
  }
}

extension WireDiagnostic.Note {
  var json: JSONValue { .object(["position": position.json, "message": .string(message)]) }
}

extension WireDiagnostic.FixIt {
  var json: JSONValue {
    .object([
      "message": .string(message),
      "changes": .array(changes.map { .object(["range": $0.range.json, "newText": .string($0.newText)]) }),
    ])
  }
}
