import XCTest
import ZygoteTransform

/// Generated and mutated Swift sources against the transform, the parser and zygote-expand's
/// scanner, in process: no crash, no hang, every input under `timeLimit` of CPU time, and always either code
/// or an error, with every range inside the source.
///
/// The inputs are a seeded sequence (see `FuzzConfiguration` for the environment variables that
/// choose the seed, the count, or one input to replay), spread over two threads. A crash or hang
/// prints the replay command (`FuzzMonitor`); any other failure is reported with its index and
/// replay command.
final class TransformFuzzTests: XCTestCase {
  /// The most CPU time one input may take, in seconds (in a debug build).
  static let timeLimit = 2.0
  /// In-process inputs per run unless `ZYGOTE_FUZZ_COUNT` says otherwise.
  static let defaultCount = 50_000
  /// Threads running inputs (CI machines have two cores).
  static let workerCount = 2

  /// What one worker found.
  final class WorkerReport: @unchecked Sendable {
    var failures: [(index: Int, message: String)] = []
    var slowest = (seconds: 0.0, index: -1, summary: "")
    var perOrigin: [String: (count: Int, seconds: Double)] = [:]
  }

  func testMutatedSourcesNeverCrashHangOrGoUnexplained() {
    let configuration = FuzzConfiguration.fromEnvironment(defaultCount: Self.defaultCount)
    let indices = configuration.indices
    print("TransformFuzzTests: seed \(configuration.hex(configuration.seed)), \(indices.count) inputs")
    FuzzMonitor.start(seed: configuration.seed)
    defer { FuzzMonitor.stop() }

    let start = Stopwatch.now()
    let workers = min(Self.workerCount, max(indices.count, 1))
    let reports = (0..<workers).map { _ in WorkerReport() }
    Workers.run(count: workers) { worker in
      FuzzMonitor.enterWorker(worker)
      let report = reports[worker]
      for position in stride(from: worker, to: indices.count, by: workers) {
        Self.runInput(indices[position], configuration: configuration, worker: worker, report: report)
      }
    }
    let total = Stopwatch.seconds(since: start)

    let failures = reports.flatMap(\.failures).sorted { $0.index < $1.index }
    for failure in failures.prefix(20) { XCTFail(failure.message) }
    let slowest = reports.map(\.slowest).max { $0.seconds < $1.seconds }!
    var perOrigin: [String: (count: Int, seconds: Double)] = [:]
    for report in reports {
      for (origin, entry) in report.perOrigin {
        perOrigin[origin, default: (0, 0)].count += entry.count
        perOrigin[origin, default: (0, 0)].seconds += entry.seconds
      }
    }
    let origins = perOrigin.keys.sorted().map { key in
      "  \(key): \(perOrigin[key]!.count) inputs, \(Int(perOrigin[key]!.seconds * 1000)) ms of CPU"
    }
    print(
      """
      TransformFuzzTests: \(indices.count) inputs in \(Int(total * 1000)) ms on \(workers) threads, \
      \(failures.count) failing; slowest \(Int(slowest.seconds * 1000)) ms of CPU (input \(slowest.index): \(slowest.summary))
      \(origins.joined(separator: "\n"))
      """)
  }

  /// Generates, runs and checks input `index`, recording the outcome in `report`.
  static func runInput(_ index: Int, configuration: FuzzConfiguration, worker: Int, report: WorkerReport) {
    var generator = SplitMix64(seed: configuration.seed, index: index)
    let input = FuzzInput.generate(using: &generator)
    if configuration.onlyIndex != nil { print("input \(index): \(input.target)\n\(input.source)") }

    FuzzMonitor.begin(index: index, worker: worker)
    let inputStart = Stopwatch.threadCPUTime()
    var problem = input.run()
    let seconds = Stopwatch.cpuSeconds(since: inputStart)
    FuzzMonitor.end(worker: worker)

    report.perOrigin[input.origin, default: (0, 0)].count += 1
    report.perOrigin[input.origin, default: (0, 0)].seconds += seconds
    if seconds > report.slowest.seconds { report.slowest = (seconds, index, input.summary) }
    if seconds > timeLimit, problem == nil {
      problem = "took \(seconds) s of CPU time, more than the \(timeLimit) s limit"
    }
    if let problem {
      let replay = configuration.replayCommand(index: index, test: "TransformFuzzTests")
      report.failures.append((index, "input \(index) (\(input.summary)): \(problem)\nreplay: \(replay)"))
    }
  }
}

// MARK: - Bugs the fuzzer found

/// Minimal reproducers of what the fuzzer found, one test per bug, named after it.
final class FuzzFindingsTests: XCTestCase {
  /// A long straight-line body: expansion time grows quadratically with the number of
  /// statements (`FunctionRuleGenerator.captureList` searches the whole rendered pullback once
  /// per declared or generated name). Found by the fuzzer's long-body inputs (seed 0x5EED20260005,
  /// input 792: 1,841 statements, more than 20 s). 600 statements take about 4 s of CPU in a
  /// debug build (1,000 take 11 s); they must take less than the fuzzer's 2 s bound.
  func testQuadraticCaptureListOnALongBody() {
    let body = String(repeating: "  s += x * 2\n", count: 600)
    let source = "@Differentiable\nfunc f(_ x: Double) -> Double {\n  var s = x\n\(body)  return s\n}"
    let start = Stopwatch.threadCPUTime()
    let result = MacroExpander.expandAttached(
      macroName: "Differentiable", role: "peer", attributeSource: "@Differentiable", declarationSource: source,
      extendedType: nil, context: ExpansionContext())
    let seconds = Stopwatch.cpuSeconds(since: start)
    XCTAssertNotNil(result.expandedSource, "\(result.diagnostics)")
    XCTAssertLessThan(seconds, TransformFuzzTests.timeLimit, "600 statements took \(seconds) s of CPU time")
  }

  /// The same with many parameters: 2,500 parameters take about 4 s of CPU in a debug build.
  func testQuadraticCaptureListWithManyParameters() {
    let parameters = (0..<2_500).map { "_ p\($0): Double" }.joined(separator: ", ")
    let source = "@Differentiable\nfunc many(\(parameters)) -> Double { p0 * p1 }"
    let start = Stopwatch.threadCPUTime()
    let result = MacroExpander.expandAttached(
      macroName: "Differentiable", role: "peer", attributeSource: "@Differentiable", declarationSource: source,
      extendedType: nil, context: ExpansionContext())
    let seconds = Stopwatch.cpuSeconds(since: start)
    XCTAssertNotNil(result.expandedSource, "\(result.diagnostics)")
    XCTAssertLessThan(seconds, TransformFuzzTests.timeLimit, "2,500 parameters took \(seconds) s of CPU time")
  }

  /// A float literal whose exponent has no digits at the very end of the input (`1e`, `0x1p`,
  /// `1e+`): the lexer's "expected a digit in floating point exponent" pointed one byte past the
  /// end (`2..<3` for `1e`). Found by the fuzzer (seed 1, input 22512: a truncated literal);
  /// fixed since in the lexer, which now clamps every range to the text.
  func testExponentWithoutDigitsAtEndOfInput() {
    for source in ["1e", "1.5E", "0x1p", "1e+", "1e-", "x = 1e", "#gradient(f, at: 0x1.8p"] {
      let (_, lexical) = Lexer.tokenize(source)
      XCTAssertNil(Invariants.check(lexical, sourceLength: source.utf8.count), source)
      let (_, diagnostics) = SwiftParser.parseExpression(source)
      XCTAssertNil(Invariants.check(diagnostics, sourceLength: source.utf8.count), source)
      let result = MacroExpander.expandFreestanding(macroName: "gradient", source: source, context: ExpansionContext())
      XCTAssertNil(Invariants.check(result, sourceLength: source.utf8.count), source)
    }
  }
}
