/// Reads the members of a JSON object for the wire types, naming the path in every error.
///
/// A missing optional member and an explicit `null` mean the same (the host omits nil members).
struct ObjectReader {
  let members: [String: JSONValue]
  let path: String

  init(_ value: JSONValue, path: String) throws(WireDecodingError) {
    guard case .object(let members) = value else {
      throw WireDecodingError(path: path, reason: "expected an object, found \(value.kindName)")
    }
    self.members = members
    self.path = path
  }

  func pathOf(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

  func required(_ key: String) throws(WireDecodingError) -> JSONValue {
    guard let value = members[key], !value.isNull else {
      throw WireDecodingError(path: pathOf(key), reason: "missing")
    }
    return value
  }

  func string(_ key: String) throws(WireDecodingError) -> String {
    let value = try required(key)
    guard let string = value.stringValue else { throw mismatch(key, "a string", value) }
    return string
  }

  func optionalString(_ key: String) throws(WireDecodingError) -> String? {
    guard let value = members[key], !value.isNull else { return nil }
    guard let string = value.stringValue else { throw mismatch(key, "a string", value) }
    return string
  }

  func int(_ key: String) throws(WireDecodingError) -> Int {
    let value = try required(key)
    guard let number = value.intValue else { throw mismatch(key, "an integer", value) }
    return number
  }

  func bool(_ key: String) throws(WireDecodingError) -> Bool {
    let value = try required(key)
    guard let flag = value.boolValue else { throw mismatch(key, "a Boolean", value) }
    return flag
  }

  func object(_ key: String) throws(WireDecodingError) -> ObjectReader {
    try ObjectReader(required(key), path: pathOf(key))
  }

  func optionalObject(_ key: String) throws(WireDecodingError) -> ObjectReader? {
    guard let value = members[key], !value.isNull else { return nil }
    return try ObjectReader(value, path: pathOf(key))
  }

  func array(_ key: String) throws(WireDecodingError) -> [JSONValue] {
    let value = try required(key)
    guard let elements = value.arrayValue else { throw mismatch(key, "an array", value) }
    return elements
  }

  func optionalArray(_ key: String) throws(WireDecodingError) -> [JSONValue]? {
    guard let value = members[key], !value.isNull else { return nil }
    guard let elements = value.arrayValue else { throw mismatch(key, "an array", value) }
    return elements
  }

  /// Decodes each element of an array member, naming its index in errors.
  func map<T>(
    _ elements: [JSONValue], of key: String, _ decode: (ObjectReader) throws(WireDecodingError) -> T
  ) throws(WireDecodingError) -> [T] {
    var result: [T] = []
    result.reserveCapacity(elements.count)
    for (index, element) in elements.enumerated() {
      result.append(try decode(ObjectReader(element, path: "\(pathOf(key))[\(index)]")))
    }
    return result
  }

  private func mismatch(_ key: String, _ expected: String, _ found: JSONValue) -> WireDecodingError {
    WireDecodingError(path: pathOf(key), reason: "expected \(expected), found \(found.kindName)")
  }
}

extension JSONValue {
  /// The JSON type's name, for error messages.
  var kindName: String {
    switch self {
    case .null: "null"
    case .bool: "a Boolean"
    case .integer, .double: "a number"
    case .string: "a string"
    case .array: "an array"
    case .object: "an object"
    }
  }
}
