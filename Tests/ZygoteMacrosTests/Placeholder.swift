import XCTest
final class PlaceholderZygoteMacrosTestsTests: XCTestCase { func testNothing() {} }
