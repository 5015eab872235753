import XCTest
import ZygoteTransform
import ZygoteTestSupport

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
    var failures: [(index: Int, problem: String, message: String)] = []
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

    // One report per kind of failure (its first example), so that one bug cannot hide the others.
    let failures = reports.flatMap(\.failures).sorted { $0.index < $1.index }
    var kinds: [String: (count: Int, first: String)] = [:]
    var order: [String] = []
    for failure in failures {
      let kind = Self.kind(of: failure.problem)
      if kinds[kind] == nil { order.append(kind) }
      kinds[kind, default: (0, failure.message)].count += 1
    }
    for kind in order.prefix(30) {
      let entry = kinds[kind]!
      XCTFail("[\(entry.count) input\(entry.count == 1 ? "" : "s") fail this way; the first:] \(entry.first)")
    }
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

  /// What makes two failures the same kind: the problem's first line without numbers or quoted
  /// text, cut short.
  static func kind(of problem: String) -> String {
    var result = ""
    var quoted = false
    for character in problem.prefix(while: { $0 != "\n" }) {
      if character == "'" || character == "\"" { quoted.toggle(); continue }
      if quoted || character.isNumber { continue }
      result.append(character)
      if result.count >= 70 { break }
    }
    return result
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
      report.failures.append((index, problem, "input \(index) (\(input.summary)): \(problem)\nreplay: \(replay)"))
    }
  }
}

// MARK: - Bugs the fuzzer found

/// Minimal reproducers of what the fuzzer found, one test per bug, named after it.
final class FuzzFindingsTests: XCTestCase {
  /// A long straight-line body: expansion time grows quadratically with the number of
  /// statements (`FunctionRuleGenerator.captureList` searches the whole rendered pullback once
  /// per declared or generated name). Found by the fuzzer's long-body inputs (seed 0x5EED20260005,
  /// input 792: 1,841 statements, more than 20 s). 600 statements took about 4 s of CPU in a
  /// debug build (1,000 took 11 s); they must take less than the fuzzer's 2 s bound. Fixed by
  /// e843561 (one scan of the pullback's identifiers).
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

  /// The same with many parameters: 2,500 parameters took about 4 s of CPU in a debug build.
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

  /// A parameter whose name is a keyword in backticks (`` `default` ``) loses its backticks in
  /// the generated pullback: `_vjp(f default: Double)`, `_vjp(__multiply: default, 2)`,
  /// `[default, _ad_pb1]`, which the compiler rejects ("expected expression in list of
  /// expressions"). Found by the fuzzer's generated-code check on the unmutated corpus function
  /// `` `escaped` `` (seed 0x5EED20260005, input 2647).
  func testEscapedKeywordNameLosesItsBackticks() {
    let source = "@Differentiable\nfunc f(_ `default`: Double) -> Double { `default` * 2 }"
    let result = MacroExpander.expandAttached(
      macroName: "Differentiable", role: "peer", attributeSource: "@Differentiable", declarationSource: source,
      extendedType: nil, context: ExpansionContext())
    if let source = result.expandedSource {
      XCTAssertNil(Invariants.checkGeneratedCode(source, isExpression: false))
      XCTAssertTrue(source.contains("`default`"), source)
    } else {
      // Refusing the name with an error that names it is a fix too.
      XCTAssertTrue(result.diagnostics.contains { $0.severity == .error && $0.message.contains("default") })
    }
  }

  /// A name bound by `if let` inside a differentiated branch gets an adjoint the pullback adds
  /// to but never declares: `_accumulate(&_ad_d_b, ...)` without `var _ad_d_b`, which the
  /// compiler rejects ("cannot find '_ad_d_b' in scope"). Found by the fuzzer's generated-code
  /// check on the unmutated corpus function `optionalWork` (seed 0x5EED20260005, input 9191).
  func testOptionalBindingAdjointIsNeverDeclared() {
    let source = """
      @Differentiable
      func h(_ x: Double, _ t: [Double]) -> Double {
        if let b = t.first, b > 0 {
          return x + b
        }
        return x
      }
      """
    let result = MacroExpander.expandAttached(
      macroName: "Differentiable", role: "peer", attributeSource: "@Differentiable", declarationSource: source,
      extendedType: nil, context: ExpansionContext())
    if result.expandedSource != nil {
      XCTAssertNil(Invariants.checkGeneratedCode(result.expandedSource, isExpression: false))
    } else {
      // Refusing the construct with an error is a fix too.
      XCTAssertTrue(result.diagnostics.contains { $0.severity == .error })
    }
  }

  /// The parser rejects a member type of array or dictionary sugar, which Swift accepts:
  /// `[Double].Index`, `[String: Double].Tangent` ("expected ',' or ')' in tuple type, found
  /// '.'"). The transform generates such types (`(Double, [String: Double].Tangent)` for a
  /// dictionary parameter), so its output did not parse. Found by the fuzzer's generated-code
  /// check on the corpus function `optionalWork` (seed 0x5EED20260005, input 2255).
  func testMemberTypeOfArrayOrDictionarySugar() {
    for source in [
      "func g(_ i: [Double].Index) {}", "func g() -> [Double].Tangent { 0 }",
      "func g() -> (Double, [String: Double].Tangent) { (0, 0) }", "let t: [Int].Element = 1",
    ] {
      let (declaration, diagnostics) = SwiftParser.parseDeclaration(source)
      XCTAssertNotNil(declaration, source)
      XCTAssertEqual(diagnostics.map(\.message), [], source)
    }
  }
}
