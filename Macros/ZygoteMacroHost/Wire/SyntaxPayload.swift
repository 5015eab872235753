/// A piece of the user's source as the host sends it: `syntax`, `declSyntax`, `attributeSyntax`,
/// the entries of `lexicalContext`, ...
///
/// `source` is the node's text *including its leading trivia* (newlines, comments, doc
/// comments) and, for an attribute or a freestanding macro, its trailing trivia too.
/// `location` describes the first character of `source`, trivia included (see
/// ``SourceLocationPayload``).
public struct SyntaxPayload: Equatable, Sendable {
  /// What the node is: `expression`, `declaration`, `attribute`, `type`, `statement`, `pattern`.
  public var kind: String
  /// The node's text, leading trivia included.
  public var source: String
  /// Where `source` starts in the user's file.
  public var location: SourceLocationPayload

  /// Creates a syntax payload.
  public init(kind: String, source: String, location: SourceLocationPayload) {
    self.kind = kind
    self.source = source
    self.location = location
  }

  init(reading reader: ObjectReader) throws(WireDecodingError) {
    kind = try reader.string("kind")
    source = try reader.string("source")
    location = try SourceLocationPayload(reading: reader.object("location"))
  }

  var json: JSONValue {
    .object(["kind": .string(kind), "source": .string(source), "location": location.json])
  }
}

/// Where a ``SyntaxPayload``'s source starts in the user's file.
///
/// Observed on Swift 6.3.1 (see `HandlerTests.testHostLocationIsStartOfLeadingTrivia`): all of
/// `offset`, `line` and `column` describe the first character of `source`, i.e. the start of
/// its *leading trivia*, not the first token. For `let a =⏎  // c⏎  #one(1)` the host sends
/// `source` = `"⏎  // c⏎  #one(1)"` with `line`/`column` of the newline right after `=`.
/// `column` counts UTF-8 bytes from 1 (after `é` the column advances by 2). Entries of
/// `lexicalContext` carry an empty `fileName` and zeros.
public struct SourceLocationPayload: Equatable, Sendable {
  /// `Module/file.swift`, as `#fileID` would give.
  public var fileID: String
  /// The file's path as the compiler was given it, as `#filePath` would give.
  public var fileName: String
  /// UTF-8 byte offset of the first character of the source in the file.
  public var offset: Int
  /// 1-based line of that character.
  public var line: Int
  /// 1-based column of that character, in UTF-8 bytes.
  public var column: Int

  /// Creates a source location.
  public init(fileID: String = "", fileName: String, offset: Int, line: Int, column: Int) {
    self.fileID = fileID
    self.fileName = fileName
    self.offset = offset
    self.line = line
    self.column = column
  }

  init(reading reader: ObjectReader) throws(WireDecodingError) {
    fileID = try reader.optionalString("fileID") ?? ""
    fileName = try reader.string("fileName")
    offset = try reader.int("offset")
    line = try reader.int("line")
    column = try reader.int("column")
  }

  var json: JSONValue {
    .object([
      "fileID": .string(fileID), "fileName": .string(fileName), "offset": .integer(offset),
      "line": .integer(line), "column": .integer(column),
    ])
  }
}
