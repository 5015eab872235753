import XCTest
final class ExpandPlaceholderTests: XCTestCase { func testNothing() {} }
