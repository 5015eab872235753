/// A JSON document held in memory: what the plugin protocol's messages are made of.
///
/// The plugin avoids Foundation (start-up time matters: the compiler launches the plugin for
/// every build), so it carries this small value type, ``JSONParser`` and ``JSONSerializer``.
///
/// Numbers keep the distinction the protocol needs: integers (offsets, lines, versions) stay
/// exact as `Int`; anything with a fraction, an exponent or out of `Int`'s range is a `Double`.
public enum JSONValue: Equatable, Sendable {
  /// `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// A number written without fraction or exponent that fits in `Int`.
  case integer(Int)
  /// Any other number.
  case double(Double)
  /// A string, already unescaped.
  case string(String)
  /// An array.
  case array([JSONValue])
  /// An object. Serialised with its keys sorted, so output is deterministic.
  case object([String: JSONValue])
}

extension JSONValue {
  /// The member named `key` when this is an object, else nil.
  public subscript(key: String) -> JSONValue? {
    if case .object(let members) = self { return members[key] }
    return nil
  }

  /// The string when this is a string, else nil.
  public var stringValue: String? {
    if case .string(let value) = self { return value }
    return nil
  }

  /// The integer when this is a number with an exact integer value, else nil.
  public var intValue: Int? {
    switch self {
    case .integer(let value):
      return value
    case .double(let value):
      // `Int(exactly:)` is nil for fractions, infinities, NaN and values out of range.
      return Int(exactly: value)
    default:
      return nil
    }
  }

  /// The Boolean when this is `true` or `false`, else nil.
  public var boolValue: Bool? {
    if case .bool(let value) = self { return value }
    return nil
  }

  /// The elements when this is an array, else nil.
  public var arrayValue: [JSONValue]? {
    if case .array(let value) = self { return value }
    return nil
  }

  /// The members when this is an object, else nil.
  public var objectValue: [String: JSONValue]? {
    if case .object(let value) = self { return value }
    return nil
  }

  /// True for `null`.
  public var isNull: Bool {
    if case .null = self { return true }
    return false
  }
}
