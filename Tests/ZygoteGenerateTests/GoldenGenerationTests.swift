import Foundation
import XCTest
import ZygoteTransform

/// Each folder of `Golden/` is a target: its Swift files are the input of `ModuleGenerator`, and
/// `ZygoteGenerated.expected` is the generated file it must produce, byte for byte.
/// `RECORD_GOLDEN=1 swift test --filter GoldenGenerationTests` rewrites the expected files and
/// fails, so that the diff gets read.
final class GoldenGenerationTests: XCTestCase {
  static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
  static let expectedName = "ZygoteGenerated.expected"

  /// The input files of a case, with the paths the generator prints (`case/File.swift`).
  static func inputs(of caseName: String) throws -> [ModuleSourceFile] {
    let directory = goldenDirectory.appendingPathComponent(caseName)
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".swift") }.sorted()
    return try names.map { name in
      ModuleSourceFile(path: "\(caseName)/\(name)", text: try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8))
    }
  }

  func testEveryCaseMatchesItsGoldenFile() throws {
    let cases = try FileManager.default.contentsOfDirectory(atPath: Self.goldenDirectory.path).sorted()
    XCTAssertGreaterThanOrEqual(cases.count, 6)
    let record = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"
    for caseName in cases {
      let generated = ModuleGenerator.generate(files: try Self.inputs(of: caseName)).source
      let expectedURL = Self.goldenDirectory.appendingPathComponent(caseName).appendingPathComponent(Self.expectedName)
      if record {
        try generated.write(to: expectedURL, atomically: true, encoding: .utf8)
        XCTFail("recorded \(caseName)/\(Self.expectedName); read the diff and run again without RECORD_GOLDEN")
        continue
      }
      let expected = try String(contentsOf: expectedURL, encoding: .utf8)
      XCTAssertEqual(generated, expected, "\(caseName): generated file differs from \(Self.expectedName)")
    }
  }
}
