import XCTest
final class PlaceholderZygoteSwift5TestsTests: XCTestCase { func testNothing() {} }
