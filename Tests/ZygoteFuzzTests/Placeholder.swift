import XCTest
final class FuzzPlaceholderTests: XCTestCase { func testNothing() {} }
