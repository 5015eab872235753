import XCTest
final class PlaceholderZygoteTransformTestsTests: XCTestCase { func testNothing() {} }
