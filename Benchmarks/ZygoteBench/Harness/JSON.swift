// The figures as JSON for tools (`--json FILE`), written by hand.

/// A JSON value.
indirect enum JSON {
  case null
  case bool(Bool)
  case number(Double)
  case integer(Int)
  case string(String)
  case array([JSON])
  /// Keys keep their order.
  case object([(String, JSON)])

  /// The text, indented by two spaces per level.
  func rendered(indent: String = "") -> String {
    let inner = indent + "  "
    switch self {
    case .null: return "null"
    case .bool(let value): return value ? "true" : "false"
    case .number(let value): return value.isFinite ? "\(value)" : "null"
    case .integer(let value): return "\(value)"
    case .string(let value): return JSON.quoted(value)
    case .array(let values):
      if values.isEmpty { return "[]" }
      return "[\n" + values.map { inner + $0.rendered(indent: inner) }.joined(separator: ",\n") + "\n" + indent + "]"
    case .object(let members):
      if members.isEmpty { return "{}" }
      let lines = members.map { inner + JSON.quoted($0.0) + ": " + $0.1.rendered(indent: inner) }
      return "{\n" + lines.joined(separator: ",\n") + "\n" + indent + "}"
    }
  }

  private static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}

/// The report's figures as JSON. Times are in seconds; a missing variant is `null`.
func jsonReport(
  results: [WorkloadResult], matmul: W7.Result?, buildCost: BuildCostResult?, policy: TimingPolicy, cores: Int
) -> JSON {
  func measurement(_ m: Measurement) -> JSON {
    .object([
      ("secondsPerCall", .number(m.secondsPerCall)),
      ("minimumSecondsPerCall", .number(m.minimumSecondsPerCall)),
      ("callsPerRepetition", .integer(m.callsPerRepetition)),
      ("samples", .array(m.samples.map { .number($0) })),
    ])
  }
  func variant(_ v: VariantResult?) -> JSON {
    guard let v else { return .null }
    var members: [(String, JSON)] = [("firstCallSeconds", .number(v.firstCallSeconds))]
    if case .object(let timing) = measurement(v.timing) { members += timing }
    if let error = v.relativeError { members.append(("maxRelativeError", .number(error))) }
    return .object(members)
  }
  func quotient(_ a: Double?, _ b: Double?) -> JSON {
    guard let a, let b else { return .null }
    return .number(a / b)
  }
  let workloads: [JSON] = results.map { r in
    let forward = r.forward.secondsPerCall
    let hand = r.handWritten.timing.secondsPerCall
    let ours = r.ours?.timing.secondsPerCall
    let swiftAD = r.swiftAD?.timing.secondsPerCall
    return .object([
      ("name", .string(r.name)),
      ("title", .string(r.title)),
      ("components", .integer(r.components)),
      ("gradientsAgree", .bool(r.agree)),
      ("forward", measurement(r.forward)),
      ("handWritten", variant(r.handWritten)),
      ("ours", variant(r.ours)),
      ("swiftAD", variant(r.swiftAD)),
      (
        "ratios",
        .object([
          ("oursOverHandWritten", quotient(ours, hand)),
          ("oursOverForward", quotient(ours, forward)),
          ("swiftADOverOurs", quotient(swiftAD, ours)),
          ("swiftADOverHandWritten", quotient(swiftAD, hand)),
          ("handWrittenOverForward", quotient(hand, forward)),
        ])
      ),
      ("swiftADNote", r.swiftADNote.map { .string($0) } ?? .null),
    ])
  }
  var members: [(String, JSON)] = [
    ("mode", .string(policy.quick ? "quick" : "full")),
    ("cores", .integer(cores)),
    ("repetitions", .integer(policy.repetitions)),
    ("minimumRepetitionSeconds", .number(policy.minimumRepetitionSeconds)),
    ("agreementTolerance", .number(agreementTolerance)),
    ("workloads", .array(workloads)),
  ]
  if let matmul { members.append(("matmul", matmulJSON(matmul))) }
  if let cost = buildCost {
    let sorted = cost.pluginStartups.sorted()
    members.append(
      (
        "buildCost",
        .object([
          ("corpusFunctions", .integer(cost.functions)),
          ("corpusLines", .integer(cost.lines)),
          ("corpusBytes", .integer(cost.bytes)),
          ("expansionSecondsPerCorpus", .number(cost.expansion.secondsPerCall)),
          ("megabytesPerSecond", .number(cost.megabytesPerSecond)),
          ("nothingExpanded", .bool(cost.nothingExpanded)),
          ("functionsExpanded", .integer(cost.expanded)),
          ("functionsFailed", .integer(cost.failed)),
          ("generatedBytes", .integer(cost.generatedBytes)),
          ("firstError", cost.firstError.map { .string($0) } ?? .null),
          ("pluginPath", cost.pluginPath.map { .string($0) } ?? .null),
          ("pluginStartupSeconds", sorted.isEmpty ? .null : .number(sorted[sorted.count / 2])),
          ("pluginStartupSamples", .array(cost.pluginStartups.map { .number($0) })),
          ("pluginProblem", cost.pluginProblem.map { .string($0) } ?? .null),
        ])
      ))
  }
  return .object(members)
}
