// zygote-bench: generated gradients against hand-written ones and Swift's `_Differentiation`,
// in one process; and the build-side cost of the transform and the plugin.
//
//   swift run -c release zygote-bench [--quick] [--json FILE] [--filter NAME]

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes `text` to standard error (file descriptor 2: the C `stderr` global is shared mutable
/// state to Swift 6).
func printToStandardError(_ text: String) {
  var bytes = Array(text.utf8)
  bytes.withUnsafeMutableBytes { buffer in
    var offset = 0
    while offset < buffer.count {
      let written = write(2, buffer.baseAddress! + offset, buffer.count - offset)
      if written <= 0 { return }
      offset += written
    }
  }
}

/// Progress goes to standard error; the report goes to standard output.
func logProgress(_ message: String) {
  printToStandardError("[zygote-bench] \(message)\n")
}

func benchmarkMain() -> Int32 {
  let options: Options
  switch Options.parse(Array(CommandLine.arguments.dropFirst())) {
  case .success(let parsed):
    options = parsed
  case .failure(let error):
    if let message = error.message {
      printToStandardError("zygote-bench: \(message)\n\(Options.usage)\n")
      return 2
    }
    print(Options.usage)
    return 0
  }
  let policy: TimingPolicy = options.quick ? .quick : .full
  let cores = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
  let start = monotonicNanoseconds()

  let workloads = allWorkloads().filter { options.selects(workload: $0.name) }
  let runsMatmul = options.selects(workload: W7.name)
  if workloads.isEmpty && !runsMatmul && !options.selectsBuildCost {
    printToStandardError("zygote-bench: no workload matches '\(options.filter ?? "")'\n")
    return 2
  }
  warmElementaryFunctions()
  var results: [WorkloadResult] = []
  for workload in workloads {
    logProgress("\(workload.name) \(workload.title): first calls and gradient check")
    let result = run(workload, policy: policy, log: logProgress)
    if !result.agree { logProgress("\(workload.name): GRADIENTS DISAGREE") }
    results.append(result)
  }
  let matmul = runsMatmul ? W7.run(policy: policy, log: logProgress) : nil
  let buildCost = options.selectsBuildCost ? measureBuildCost(policy: policy, pluginOverride: options.pluginPath, log: logProgress) : nil

  print(markdownReport(results: results, matmul: matmul, buildCost: buildCost, policy: policy, cores: cores), terminator: "")
  var status: Int32 = results.allSatisfy(\.agree) ? 0 : 1

  if let path = options.jsonPath {
    let text = jsonReport(results: results, matmul: matmul, buildCost: buildCost, policy: policy, cores: cores).rendered() + "\n"
    if let file = fopen(path, "w") {
      fputs(text, file)
      fclose(file)
    } else {
      printToStandardError("zygote-bench: cannot write \(path): errno \(errno)\n")
      status = 1
    }
  }
  logProgress("done in \(duration(Double(monotonicNanoseconds() - start) * 1e-9))\(status == 0 ? "" : "; some gradients disagree")")
  return status
}

exit(benchmarkMain())
