import XCTest

/// Fails with a line-by-line diff when `actual` differs from `expected`: each differing line is
/// shown as `-expected` / `+actual` with its line number, up to `limit` lines.
func assertEqualLines(
  _ actual: String, _ expected: String, _ message: String, limit: Int = 40, file: StaticString = #filePath,
  line: UInt = #line
) {
  guard actual != expected else { return }
  let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
  let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
  var report: [String] = []
  for index in 0..<max(actualLines.count, expectedLines.count) where report.count < limit {
    let old = index < expectedLines.count ? String(expectedLines[index]) : nil
    let new = index < actualLines.count ? String(actualLines[index]) : nil
    guard old != new else { continue }
    if let old { report.append("\(index + 1) -\(old)") }
    if let new { report.append("\(index + 1) +\(new)") }
  }
  XCTFail("\(message)\n" + report.joined(separator: "\n"), file: file, line: line)
}
