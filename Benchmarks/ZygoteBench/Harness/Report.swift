// The markdown report.

/// The whole markdown report.
func markdownReport(
  results: [WorkloadResult], matmul: W7.Result?, buildCost: BuildCostResult?, policy: TimingPolicy, cores: Int
) -> String {
  var out: [String] = []
  out.append("# zygote-bench")
  out.append("")
  if policy.quick {
    out.append("Quick mode (`--quick`): \(policy.quickCalls) calls per variant, no calibration. The times below are NOT measurements.")
  } else {
    out.append(
      "Time per call: median of \(policy.repetitions) repetitions, each of at least \(fixed(policy.minimumRepetitionSeconds * 1e3, 0)) ms (calls per repetition calibrated), the variants of a workload interleaved repetition by repetition; CLOCK_MONOTONIC, \(cores) cores. Ratios are of the medians.")
  }
  if !results.isEmpty {
    out.append("")
    out.append(gradientTable(results))
    out.append("")
    out.append(
      "First call: the very first gradient call of each variant in the process, timed alone (after one forward call, so shared one-time costs such as binding libm symbols are not charged to it).")
    out.append("")
    out.append("## Gradient checks")
    out.append("")
    out.append(checkTable(results))
    var notes: [String] = []
    for result in results {
      if let note = result.swiftADNote, !notes.contains(note) { notes.append(note) }
    }
    if !notes.isEmpty {
      out.append("")
      out.append("Notes:")
      for note in notes {
        let names = results.filter { $0.swiftADNote == note }.map(\.name).joined(separator: ", ")
        out.append("- \(names): \(note).")
      }
      let single = results.compactMap { result -> String? in
        guard let calls = result.swiftAD?.timing.callsPerRepetition, calls == 1, !policy.quick else { return nil }
        return result.name
      }
      if !single.isEmpty {
        out.append("- Single-call repetitions for _Differentiation: \(single.joined(separator: ", ")).")
      }
    }
    if results.contains(where: { $0.ours == nil }) {
      out.append("- ours: n/a until `@Differentiable` and `#gradient` work (see Benchmarks/ZygoteBench/Ours.swift).")
    }
  }
  if let matmul {
    out.append("")
    out.append(matmulSection(matmul, quick: policy.quick))
  }
  if let buildCost {
    out.append("")
    out.append(buildCostSection(buildCost, quick: policy.quick))
  }
  return out.joined(separator: "\n") + "\n"
}

private func row(_ cells: [String]) -> String {
  "| " + cells.joined(separator: " | ") + " |"
}

private func gradientTable(_ results: [WorkloadResult]) -> String {
  var lines = [
    row([
      "workload", "forward", "hand-written", "ours", "_Differentiation", "ours/hand", "ours/forward",
      "_Differentiation/ours", "_Differentiation/hand", "first call: hand / ours / _Differentiation",
    ]),
    row(["---", "--:", "--:", "--:", "--:", "--:", "--:", "--:", "--:", "--:"]),
  ]
  for result in results {
    let forward = result.forward.secondsPerCall
    let hand = result.handWritten.timing.secondsPerCall
    let ours = result.ours?.timing.secondsPerCall
    let swiftAD = result.swiftAD?.timing.secondsPerCall
    func optional(_ value: Double?, _ text: (Double) -> String) -> String { value.map(text) ?? "n/a" }
    let first = [
      duration(result.handWritten.firstCallSeconds),
      optional(result.ours?.firstCallSeconds, duration),
      optional(result.swiftAD?.firstCallSeconds, duration),
    ].joined(separator: " / ")
    lines.append(
      row([
        "\(result.name) \(result.title)",
        duration(forward),
        duration(hand),
        optional(ours, duration),
        optional(swiftAD, duration),
        optional(ours) { ratio($0, hand) },
        optional(ours) { ratio($0, forward) },
        ours.flatMap { o in swiftAD.map { ratio($0, o) } } ?? "n/a",
        optional(swiftAD) { ratio($0, hand) },
        first,
      ]))
  }
  return lines.joined(separator: "\n")
}

private func checkTable(_ results: [WorkloadResult]) -> String {
  var lines = [
    "Largest relative difference from the hand-written gradient over all components (tolerance \(scientific(agreementTolerance))):",
    "",
    row(["workload", "components", "ours", "_Differentiation", "result"]),
    row(["---", "--:", "--:", "--:", "---"]),
  ]
  for result in results {
    func error(_ variant: VariantResult?) -> String {
      guard let error = variant?.relativeError else { return "n/a" }
      return scientific(error)
    }
    lines.append(
      row([
        result.name, grouped(result.components), error(result.ours), error(result.swiftAD),
        result.agree ? "agree" : "**DISAGREE**",
      ]))
  }
  return lines.joined(separator: "\n")
}

private func buildCostSection(_ cost: BuildCostResult, quick: Bool) -> String {
  var lines = ["## Build-side cost", ""]
  lines.append(
    "Corpus: \(cost.functions) generated `@Differentiable` functions (loops, branches, arithmetic), \(grouped(cost.lines)) lines, \(fixed(Double(cost.bytes) / 1e3, 1)) kB.")
  lines.append("")
  let stub = cost.nothingExpanded ? " **(no function expanded: this times the error path, not a transform)**" : ""
  lines.append(
    "- Transform throughput (`MacroExpander.expandAttached`, peer and body roles, in process)\(stub): \(significant(cost.megabytesPerSecond)) MB/s, \(duration(cost.expansion.secondsPerCall)) for the corpus. Target: at least 1 MB/s.")
  if cost.nothingExpanded {
    let reason = (cost.firstError ?? "").contains("not implemented") ? "The transform is not implemented yet: " : ""
    lines.append(
      "  - \(reason)0 of \(cost.functions) functions expanded; every call returned an error, the first: \"\(cost.firstError ?? "?")\".")
  } else {
    lines.append(
      "  - \(cost.expanded) of \(cost.functions) functions expanded (\(fixed(Double(cost.generatedBytes) / 1e3, 1)) kB generated), \(cost.failed) failed\(cost.firstError.map { "; first error: \"\($0)\"" } ?? "").")
  }
  if let problem = cost.pluginProblem, cost.pluginStartups.isEmpty {
    lines.append("- Plugin start-up (spawn + capability handshake): n/a (plugin not ready: \(problem)). Target: under 20 ms.")
    if let path = cost.pluginPath { lines.append("  - Plugin: `\(path)`") }
  } else {
    let sorted = cost.pluginStartups.sorted()
    let median = sorted[sorted.count / 2]
    lines.append(
      "- Plugin start-up (spawn the plugin, write `getCapability`, read the reply): \(duration(median)) (median of \(sorted.count), fastest \(duration(sorted[0]))). Target: under 20 ms.")
    if let problem = cost.pluginProblem { lines.append("  - A later attempt failed: \(problem).") }
    if let path = cost.pluginPath { lines.append("  - Plugin: `\(path)`") }
  }
  if quick { lines.append("- Quick mode: these are single passes, not measurements.") }
  return lines.joined(separator: "\n")
}
