import XCTest
final class PlaceholderZygoteTestsTests: XCTestCase { func testNothing() {} }
