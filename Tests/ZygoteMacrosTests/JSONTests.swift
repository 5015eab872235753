import XCTest

@testable import ZygoteMacroHost
import ZygoteTestSupport

final class JSONTests: XCTestCase {
  // MARK: Values

  func testParsesScalars() throws {
    XCTAssertEqual(try JSONParser.parse("null"), .null)
    XCTAssertEqual(try JSONParser.parse(" true "), .bool(true))
    XCTAssertEqual(try JSONParser.parse("false"), .bool(false))
    XCTAssertEqual(try JSONParser.parse("0"), .integer(0))
    XCTAssertEqual(try JSONParser.parse("-12"), .integer(-12))
    XCTAssertEqual(try JSONParser.parse("\(Int.max)"), .integer(Int.max))
    XCTAssertEqual(try JSONParser.parse("2.5"), .double(2.5))
    XCTAssertEqual(try JSONParser.parse("-1e3"), .double(-1000))
    XCTAssertEqual(try JSONParser.parse("1E+2"), .double(100))
    XCTAssertEqual(try JSONParser.parse("\"\""), .string(""))
  }

  func testIntegerBeyondIntBecomesDouble() throws {
    XCTAssertEqual(try JSONParser.parse("92233720368547758080"), .double(92_233_720_368_547_758_080))
    XCTAssertEqual(JSONValue.double(3).intValue, 3)
    XCTAssertNil(JSONValue.double(3.5).intValue)
    XCTAssertNil(JSONValue.double(1e300).intValue)
  }

  func testParsesNestedContainers() throws {
    let value = try JSONParser.parse(#" { "a" : [1, {"b": [ ]}, "c"], "d": {} } "#)
    XCTAssertEqual(
      value,
      .object([
        "a": .array([.integer(1), .object(["b": .array([])]), .string("c")]),
        "d": .object([:]),
      ]))
    XCTAssertEqual(value["a"]?.arrayValue?.count, 3)
    XCTAssertNil(value["missing"])
  }

  func testSerializesCompactlyWithSortedKeys() {
    let value: JSONValue = .object([
      "b": .array([.integer(1), .double(0.5), .null, .bool(true)]), "a": .string("x"), "B": .object([:]),
    ])
    XCTAssertEqual(JSONSerializer.serializeToString(value), #"{"B":{},"a":"x","b":[1,0.5,null,true]}"#)
  }

  func testNonFiniteDoublesSerializeAsNull() {
    XCTAssertEqual(JSONSerializer.serializeToString(.array([.double(.infinity), .double(.nan)])), "[null,null]")
  }

  // MARK: Strings and escapes

  func testDecodesEveryEscape() throws {
    XCTAssertEqual(try JSONParser.parse(#""\"\\\/\b\f\n\r\t""#), .string("\"\\/\u{08}\u{0C}\n\r\t"))
    XCTAssertEqual(try JSONParser.parse(#""\u0041\u00e9\u00E9\u20AC\u0000""#), .string("Aéé€\u{0}"))
  }

  func testJoinsSurrogatePairs() throws {
    XCTAssertEqual(try JSONParser.parse(#""\uD83D\uDE00""#), .string("😀"))
    XCTAssertEqual(try JSONParser.parse(#""a\ud834\udd1eb""#), .string("a𝄞b"))
  }

  func testKeepsRawUTF8() throws {
    XCTAssertEqual(try JSONParser.parse("\"é ü 😀 𝄞\""), .string("é ü 😀 𝄞"))
  }

  func testEscapesWhatJSONRequires() {
    let string = "q\"b\\n\n r\r t\t \u{01} \u{1F} \u{7F} / é 😀"
    XCTAssertEqual(
      JSONSerializer.serializeToString(.string(string)),
      #""q\"b\\n\n r\r t\t \u0001 \u001f "# + "\u{7F} / é 😀\"")
  }

  func testStringRoundTripsEveryControlCharacter() throws {
    let string = String(String.UnicodeScalarView((0..<0x80).compactMap(Unicode.Scalar.init)))
    XCTAssertEqual(try JSONParser.parse(JSONSerializer.serialize(.string(string))), .string(string))
  }

  // MARK: Malformed input

  func testRejectsMalformedDocuments() {
    let cases: [String] = [
      "", " ", "{", "}", "[", "[1,]", "[,1]", "[1 2]", "{\"a\"}", "{\"a\":}", "{\"a\" 1}", "{\"a\":1,}",
      "{1:2}", "{'a':1}", "01", "-", "-01", "1.", ".5", "1e", "1e+", "+1", "0x10", "NaN", "Infinity",
      "tru", "nul", "falsey", "\"abc", "\"\\x\"", "\"\\u12\"", "\"\\u12G4\"", "1 2", "[] []", "\"\\",
      "\"\\uD800\"", "\"\\uDC00\"", "\"\\uD800\\u0041\"", "\"\\uD800x\"", "\"a\tb\"", "\"a\nb\"",
      "\u{FEFF}1",
    ]
    for text in cases {
      XCTAssertThrowsError(try JSONParser.parse(text), "accepted \(text.debugDescription)")
    }
  }

  func testRejectsInvalidUTF8InStrings() {
    let cases: [[UInt8]] = [
      [0x22, 0xFF, 0x22], [0x22, 0xC3, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xC0, 0xAF, 0x22],
      [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], [0x22, 0x61, 0xE2, 0x82, 0x22],
    ]
    for bytes in cases {
      XCTAssertThrowsError(try JSONParser.parse(bytes), "accepted \(bytes)")
    }
  }

  func testErrorsSayWhereAndWhy() {
    XCTAssertThrowsError(try JSONParser.parse(#"{"a": [1, 2,, 3]}"#)) { error in
      guard let error = error as? JSONParseError else { return XCTFail("\(error)") }
      XCTAssertEqual(error.offset, 12)
      XCTAssertEqual(error.description, "malformed JSON at byte 12: unexpected ',', expected a value")
    }
  }

  func testDeepNestingIsAnErrorNotAStackOverflow() throws {
    let limit = JSONParser.maximumDepth
    XCTAssertNoThrow(try JSONParser.parse(String(repeating: "[", count: limit) + String(repeating: "]", count: limit)))
    XCTAssertThrowsError(
      try JSONParser.parse(String(repeating: "[", count: limit + 1) + String(repeating: "]", count: limit + 1)))
    XCTAssertThrowsError(try JSONParser.parse(String(repeating: "[", count: 1_000_000)))
    XCTAssertThrowsError(try JSONParser.parse(String(repeating: "{\"a\":", count: 100_000)))
  }

  // MARK: Round trips and fuzzing

  func testRecordedHostMessagesRoundTrip() throws {
    for text in SampleMessages.all {
      let value = try JSONParser.parse(text)
      XCTAssertEqual(try JSONParser.parse(JSONSerializer.serialize(value)), value)
    }
  }

  func testRandomValuesRoundTrip() throws {
    var generator = SplitMix64(seed: 0x5EED_0001)
    for _ in 0..<2_000 {
      let value = randomValue(depth: 0, using: &generator)
      let bytes = JSONSerializer.serialize(value)
      XCTAssertEqual(try JSONParser.parse(bytes), value, String(decoding: bytes, as: UTF8.self))
    }
  }

  /// Random bytes never trap the parser: each input is parsed or rejected.
  func testFuzzRandomBytes() {
    var generator = SplitMix64(seed: 0x5EED_0002)
    let alphabet = Array(#"{}[]:,"\ut0123456789-+.eEfalsnr "#.utf8) + [0x00, 0x0A, 0x80, 0xC3, 0xA9, 0xFF, 0xED]
    var accepted = 0
    for round in 0..<5_000 {
      let count = Int.random(in: 0..<64, using: &generator)
      let bytes: [UInt8] = (0..<count).map { _ in
        // Half the inputs draw from JSON's own characters, so more of them get deep into the parser.
        round.isMultiple(of: 2)
          ? UInt8.random(in: 0...255, using: &generator) : alphabet.randomElement(using: &generator) ?? 0
      }
      if let value = try? JSONParser.parse(bytes) {
        accepted += 1
        XCTAssertEqual(try? JSONParser.parse(JSONSerializer.serialize(value)), value)
      }
    }
    XCTAssertGreaterThan(accepted, 0)
  }

  /// Mutations of real host messages never trap the parser; what still parses round-trips.
  func testFuzzMutatedMessages() {
    var generator = SplitMix64(seed: 0x5EED_0003)
    let seeds = SampleMessages.all.map { Array($0.utf8) }
    var accepted = 0
    for _ in 0..<5_000 {
      var bytes = seeds.randomElement(using: &generator) ?? []
      for _ in 0..<Int.random(in: 1...4, using: &generator) {
        mutate(&bytes, using: &generator)
      }
      if let value = try? JSONParser.parse(bytes) {
        accepted += 1
        XCTAssertEqual(try? JSONParser.parse(JSONSerializer.serialize(value)), value)
        // Whatever parses, the handler answers without trapping.
        var handler = MessageHandler(expander: .echo, hostProtocolVersion: 7)
        _ = handler.handle(json: value)
      }
    }
    XCTAssertGreaterThan(accepted, 0)
  }

  // MARK: Helpers

  private func mutate(_ bytes: inout [UInt8], using generator: inout SplitMix64) {
    guard !bytes.isEmpty else { return bytes.append(UInt8.random(in: 0...255, using: &generator)) }
    let index = Int.random(in: 0..<bytes.count, using: &generator)
    switch Int.random(in: 0..<6, using: &generator) {
    case 0: bytes[index] = UInt8.random(in: 0...255, using: &generator)
    case 1: bytes[index] ^= 1 << UInt8.random(in: 0..<8, using: &generator)
    case 2: bytes.remove(at: index)
    case 3: bytes.insert(Array(#"{}[]",:\0"#.utf8).randomElement(using: &generator) ?? 0, at: index)
    case 4:
      let end = min(bytes.count, index + Int.random(in: 1...16, using: &generator))
      bytes.removeSubrange(index..<end)
    default:
      let end = min(bytes.count, index + Int.random(in: 1...16, using: &generator))
      bytes.insert(contentsOf: bytes[index..<end], at: Int.random(in: 0...bytes.count, using: &generator))
    }
  }

  private func randomValue(depth: Int, using generator: inout SplitMix64) -> JSONValue {
    let choice = Int.random(in: 0..<(depth < 4 ? 8 : 6), using: &generator)
    switch choice {
    case 0: return .null
    case 1: return .bool(Bool.random(using: &generator))
    case 2: return .integer(Int(truncatingIfNeeded: generator.next()) >> Int.random(in: 0..<63, using: &generator))
    case 3:
      // Integral doubles too: they are written with a fraction ("3.0") and so stay doubles.
      return .double(Double(Int32.random(in: .min ... .max, using: &generator)) / Double(Int.random(in: 1...1000, using: &generator)))
    case 4, 5: return .string(randomString(using: &generator))
    case 6:
      return .array((0..<Int.random(in: 0..<5, using: &generator)).map { _ in randomValue(depth: depth + 1, using: &generator) })
    default:
      var members: [String: JSONValue] = [:]
      for _ in 0..<Int.random(in: 0..<5, using: &generator) {
        members[randomString(using: &generator)] = randomValue(depth: depth + 1, using: &generator)
      }
      return .object(members)
    }
  }

  private func randomString(using generator: inout SplitMix64) -> String {
    var scalars = String.UnicodeScalarView()
    for _ in 0..<Int.random(in: 0..<12, using: &generator) {
      let ranges: [ClosedRange<UInt32>] = [0...0x7F, 0x80...0x7FF, 0x800...0xD7FF, 0xE000...0xFFFF, 0x10000...0x10FFFF]
      let range = ranges.randomElement(using: &generator) ?? 0...0x7F
      if let scalar = Unicode.Scalar(UInt32.random(in: range, using: &generator)) { scalars.append(scalar) }
    }
    return String(scalars)
  }
}
