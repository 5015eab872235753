// checkpointed(f, x): the same gradient, and nothing of f kept alive between the forward and the
// backward pass. The memory is measured as the bytes in use while a pullback is alive, with and
// without checkpointing, over a loop of 200,000 steps.

import XCTest
import Zygote
import ZygoteMath

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Differentiable
func checkpointLoop(_ x: Double) -> Double {
  var s = x
  for i in 0..<200_000 {
    s = s * 0.99999 + sin(s) * 1e-6 + Double(i % 3) * 1e-9
  }
  return s
}

@Differentiable
func recordedLongLoop(_ x: Double) -> Double { checkpointLoop(x) * 2 }

@Differentiable
func checkpointedLongLoop(_ x: Double) -> Double { checkpointed(checkpointLoop, x) * 2 }

@Differentiable
func checkpointedTwice(_ x: Double) -> Double {
  let y = checkpointed(checkpointLoop, x)
  return checkpointed(checkpointLoop, y * y)
}

/// The bytes the allocator has handed out and not taken back.
///
/// On Linux: glibc's own count, "in use bytes" of the "Total (incl. mmap)" section that
/// `malloc_stats()` prints (Swift's Glibc module does not export <malloc.h>, so the function is
/// looked up with dlsym, and its report, written to standard error, is caught in a file). This
/// counts allocations exactly, unlike the resident set, which the kernel may shrink under memory
/// pressure. On Darwin: the default malloc zone's bytes in use.
func bytesInUse() -> Int {
  #if canImport(Glibc)
    typealias MallocStats = @convention(c) () -> Void
    guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "malloc_stats") else { return 0 }
    fflush(nil)
    let path = "/tmp/zygote-malloc-stats-\(getpid())"
    let report = open(path, O_RDWR | O_CREAT | O_TRUNC, 0o600)
    let savedError = dup(2)
    dup2(report, 2)
    unsafeBitCast(symbol, to: MallocStats.self)()
    fflush(nil)
    dup2(savedError, 2)
    close(savedError)
    lseek(report, 0, SEEK_SET)
    var bytes = [UInt8](repeating: 0, count: 1 << 16)
    let count = read(report, &bytes, bytes.count)
    close(report)
    unlink(path)
    let text = String(decoding: bytes.prefix(max(count, 0)), as: UTF8.self)
    guard let total = text.range(of: "Total (incl. mmap):") else { return 0 }
    for line in text[total.upperBound...].split(separator: "\n") where line.hasPrefix("in use bytes") {
      return line.split(separator: " ").last.flatMap { Int($0) } ?? 0
    }
    return 0
  #elseif canImport(Darwin)
    var statistics = malloc_statistics_t()
    malloc_zone_statistics(nil, &statistics)
    return Int(statistics.size_in_use)
  #endif
}

final class CheckpointingTests: XCTestCase {
  func testCheckpointedGradientEqualsTheRecordedOne() {
    let recorded = #gradient(recordedLongLoop, at: 0.3)
    let withCheckpoint = #gradient(checkpointedLongLoop, at: 0.3)
    XCTAssertEqual(withCheckpoint, recorded)
    // Against central differences.
    let h = 1e-6
    let numeric = (checkpointedLongLoop(0.3 + h) - checkpointedLongLoop(0.3 - h)) / (2 * h)
    XCTAssertEqual(withCheckpoint, numeric, accuracy: 1e-6)
    // Two checkpointed calls in a row, and a checkpointed call in a closure.
    let y = checkpointLoop(0.3)
    let chain = #gradient(checkpointLoop, at: y * y) * 2 * y * #gradient(checkpointLoop, at: 0.3)
    XCTAssertEqual(#gradient(checkpointedTwice, at: 0.3), chain, accuracy: 1e-12 * abs(chain))
    XCTAssertEqual(#gradient({ x in checkpointed(checkpointLoop, x) + x }, at: 0.3), recorded / 2 + 1, accuracy: 1e-12)
  }

  func testCheckpointingKeepsNoTapeAliveBetweenThePasses() {
    // Without checkpointing the pullback holds checkpointLoop's tape: 200,000 entries of
    // (Int, Double), 3.2 MB. Measured three times, so that the comparison does not rest on one
    // reading of a process-wide figure.
    var recordedBytes: [Int] = []
    var checkpointedBytes: [Int] = []
    for _ in 0..<3 {
      let before = bytesInUse()
      let (value, pullback) = #pullback(recordedLongLoop, at: 0.3)
      recordedBytes.append(bytesInUse() - before)
      let recordedGradient = pullback(1)
      withExtendedLifetime(pullback) {}

      let start = bytesInUse()
      let (checkpointedValue, checkpointedPullback) = #pullback(checkpointedLongLoop, at: 0.3)
      checkpointedBytes.append(bytesInUse() - start)
      let checkpointedGradient = checkpointedPullback(1)
      withExtendedLifetime(checkpointedPullback) {}

      XCTAssertEqual(value, checkpointedValue)
      XCTAssertEqual(recordedGradient, checkpointedGradient)
    }
    print("checkpointing: \(recordedBytes) bytes held between the passes without, \(checkpointedBytes) with")
    XCTAssertGreaterThan(recordedBytes.min()!, 200_000 * 16)
    XCTAssertLessThan(checkpointedBytes.max()!, 4 * 1_024)
  }
}
