import Foundation
import XCTest

/// Every message the transform can give (each `refuse("...")` and `.error("...")` in
/// Sources/ZygoteTransform) is listed in the catalogue article
/// (Sources/Zygote/Documentation.docc/Articles/Diagnostics.md), with `‹…›` for each interpolation.
final class DiagnosticsCatalogueTests: XCTestCase {
  static let packageRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" && !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
      url.deleteLastPathComponent()
    }
    return url
  }()

  func testEveryTransformMessageIsInTheCatalogue() throws {
    let catalogue = try String(
      contentsOf: Self.packageRoot.appendingPathComponent("Sources/Zygote/Documentation.docc/Articles/Diagnostics.md"), encoding: .utf8)
    let sources = Self.packageRoot.appendingPathComponent("Sources/ZygoteTransform")
    let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
    var messages = Set<String>()
    for file in files {
      let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
      messages.formUnion(Self.messages(in: text))
    }
    XCTAssertGreaterThan(messages.count, 50, "the scanner found too few messages: \(messages.count)")
    for message in messages.sorted() {
      XCTAssert(catalogue.contains("`\(message)`"), "not in Diagnostics.md: \(message)")
    }
  }

  /// The string literal after each `refuse(` and `.error(`, with interpolations as `‹…›`.
  static func messages(in text: String) -> [String] {
    var result: [String] = []
    let characters = Array(text)
    var index = 0
    let openers = [Array("refuse(\""), Array(".error(\"")]
    while index < characters.count {
      guard let opener = openers.first(where: { index + $0.count <= characters.count && Array(characters[index..<index + $0.count]) == $0 }) else {
        index += 1
        continue
      }
      index += opener.count
      var message = ""
      while index < characters.count, characters[index] != "\"" {
        if characters[index] == "\\", index + 1 < characters.count {
          if characters[index + 1] == "(" {
            // Skip the balanced interpolation.
            var depth = 0
            index += 1
            repeat {
              if characters[index] == "(" { depth += 1 }
              if characters[index] == ")" { depth -= 1 }
              index += 1
            } while depth > 0 && index < characters.count
            message += "‹…›"
            continue
          }
          message.append(characters[index + 1])
          index += 2
          continue
        }
        message.append(characters[index])
        index += 1
      }
      result.append(message.replacingOccurrences(of: "`", with: "ˋ"))
    }
    return result
  }
}
