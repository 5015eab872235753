// checkpointed(f, x): the same gradient, and nothing of f kept alive between the forward and the
// backward pass. The memory is measured as the bytes in use while a pullback is alive, with and
// without checkpointing, over a loop of 200,000 steps.

import XCTest
import Zygote

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

/// The bytes of memory in use by the process.
///
/// On Linux: the resident set from /proc/self/statm. The tape of a long loop is one large array
/// (its capacity is reserved from the loop's range); with glibc's mmap threshold fixed at 64 kB
/// (`mallopt(M_MMAP_THRESHOLD)`, which Swift's Glibc module does not export, so it is looked up
/// with dlsym) such an array is mapped on its own, shows in the resident set while alive and
/// leaves it when freed. (Left dynamic, glibc raises the threshold after the first free and
/// serves the next tape from the heap, where freed pages stay resident.) On Darwin: the default
/// malloc zone's bytes in use.
func bytesInUse() -> Int {
  #if canImport(Glibc)
    fixMmapThreshold
    guard let file = fopen("/proc/self/statm", "r") else { return 0 }
    defer { fclose(file) }
    var size = 0
    var resident = 0
    guard withUnsafeMutablePointer(to: &size, { sizePointer in
      withUnsafeMutablePointer(to: &resident) { residentPointer in
        withVaList([sizePointer, residentPointer]) { vfscanf(file, "%ld %ld", $0) }
      }
    }) == 2 else { return 0 }
    return resident * Int(sysconf(Int32(_SC_PAGESIZE)))
  #elseif canImport(Darwin)
    var statistics = malloc_statistics_t()
    malloc_zone_statistics(nil, &statistics)
    return Int(statistics.size_in_use)
  #endif
}

#if canImport(Glibc)
  /// Sets glibc's mmap threshold once (see `bytesInUse`).
  let fixMmapThreshold: Void = {
    typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
    guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "mallopt") else { return }
    let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD in <malloc.h>
    _ = unsafeBitCast(symbol, to: MallOpt.self)(mmapThreshold, 64 * 1_024)
  }()
#endif

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
    // Without checkpointing the pullback holds checkpointLoop's tape: 200,000 entries of (Int, Double).
    let before = bytesInUse()
    let (value, pullback) = #pullback(recordedLongLoop, at: 0.3)
    let recordedBytes = bytesInUse() - before
    let recordedGradient = pullback(1)
    withExtendedLifetime(pullback) {}

    let start = bytesInUse()
    let (checkpointedValue, checkpointedPullback) = #pullback(checkpointedLongLoop, at: 0.3)
    let checkpointedBytes = bytesInUse() - start
    let checkpointedGradient = checkpointedPullback(1)
    withExtendedLifetime(checkpointedPullback) {}

    print("checkpointing: \(recordedBytes) bytes held between the passes without, \(checkpointedBytes) with")
    XCTAssertEqual(value, checkpointedValue)
    XCTAssertEqual(recordedGradient, checkpointedGradient)
    XCTAssertGreaterThan(recordedBytes, 200_000 * 16)
    XCTAssertLessThan(checkpointedBytes, 64 * 1_024)
  }
}
