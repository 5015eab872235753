/// Writes a ``JSONValue`` as compact UTF-8 JSON.
///
/// Deterministic: object keys are sorted by their UTF-8 bytes. Strings escape `"`, `\` and the
/// control characters below U+0020 (as `\n`, `\t`, ... or `\u00XX`); everything else is written
/// as UTF-8, which every JSON reader accepts. Non-finite doubles, which JSON cannot express, are
/// written as `null`.
public enum JSONSerializer {
  /// The document as UTF-8 bytes.
  public static func serialize(_ value: JSONValue) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(256)
    write(value, to: &output)
    return output
  }

  /// The document as text.
  public static func serializeToString(_ value: JSONValue) -> String {
    String(decoding: serialize(value), as: UTF8.self)
  }

  private static func write(_ value: JSONValue, to output: inout [UInt8]) {
    switch value {
    case .null:
      append("null", to: &output)
    case .bool(let flag):
      append(flag ? "true" : "false", to: &output)
    case .integer(let number):
      output.append(contentsOf: String(number).utf8)
    case .double(let number):
      if number.isFinite {
        output.append(contentsOf: number.description.utf8)
      } else {
        append("null", to: &output)
      }
    case .string(let string):
      writeString(string, to: &output)
    case .array(let elements):
      output.append(UInt8(ascii: "["))
      for (position, element) in elements.enumerated() {
        if position > 0 { output.append(UInt8(ascii: ",")) }
        write(element, to: &output)
      }
      output.append(UInt8(ascii: "]"))
    case .object(let members):
      output.append(UInt8(ascii: "{"))
      let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
      for (position, key) in keys.enumerated() {
        if position > 0 { output.append(UInt8(ascii: ",")) }
        writeString(key, to: &output)
        output.append(UInt8(ascii: ":"))
        if let member = members[key] { write(member, to: &output) }
      }
      output.append(UInt8(ascii: "}"))
    }
  }

  private static func writeString(_ string: String, to output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    for byte in string.utf8 {
      switch byte {
      case UInt8(ascii: "\""): append("\\\"", to: &output)
      case UInt8(ascii: "\\"): append("\\\\", to: &output)
      case 0x0A: append("\\n", to: &output)
      case 0x0D: append("\\r", to: &output)
      case 0x09: append("\\t", to: &output)
      case 0x08: append("\\b", to: &output)
      case 0x0C: append("\\f", to: &output)
      case 0x00..<0x20:
        append("\\u00", to: &output)
        output.append(hexDigit(byte >> 4))
        output.append(hexDigit(byte & 0x0F))
      default:
        output.append(byte)
      }
    }
    output.append(UInt8(ascii: "\""))
  }

  private static func append(_ text: StaticString, to output: inout [UInt8]) {
    output.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  private static func hexDigit(_ nibble: UInt8) -> UInt8 {
    nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
  }
}
