/// The macro's declared name, recovered from the host's `macro.name`.
///
/// Observed on Swift 6.3.1: for an attached macro `macro.name` is the attribute's name *as
/// written, with its trailing trivia*: `@Mark   // c` gives `"Mark   // c"`, `@Mark func` gives
/// `"Mark "`, `@Foo.Mark` gives `"Foo.Mark"`, `` @`Mark` `` gives `` "`Mark` " ``.
/// (`@Mark(1)` gives `"Mark"`.) This drops the trivia, a module qualifier (`Foo.` or `Foo::`),
/// generic arguments and backticks, leaving `"Mark"`.
public enum MacroName {
  /// The bare macro name in `hostName`.
  public static func normalize(_ hostName: String) -> String {
    var name = Substring(hostName)
    name = name.drop { $0 == "@" || $0 == "#" || $0.isWhitespace }
    // The name ends at the first character that cannot continue a (qualified) identifier.
    var end = name.startIndex
    var inBackticks = false
    while end < name.endIndex {
      let character = name[end]
      if character == "`" {
        inBackticks.toggle()
      } else if !inBackticks && (character.isWhitespace || "/(<,)>".contains(character)) {
        break
      }
      end = name.index(after: end)
    }
    name = name[..<end]
    // Keep the last component of a qualified name, outside backticks.
    var componentStart = name.startIndex
    inBackticks = false
    var index = name.startIndex
    while index < name.endIndex {
      let character = name[index]
      if character == "`" {
        inBackticks.toggle()
      } else if !inBackticks && (character == "." || character == ":") {
        componentStart = name.index(after: index)
      }
      index = name.index(after: index)
    }
    name = name[componentStart...]
    if name.count >= 2, name.first == "`", name.last == "`" {
      name = name.dropFirst().dropLast()
    }
    return String(name)
  }
}
