// W7, matrix multiplication: Zygote's `matmul(a, b)` on square Float and Double matrices of 128,
// 256 and 512, against numpy's `matmul` timed in the same run (see NumPy.swift). Figures are
// GFLOP/s, counting 2n³ floating-point operations per product.

import Zygote

enum W7 {
  /// The name `--filter` matches.
  static let name = "W7"
  static let title = "matmul of square matrices"

  /// The sizes measured; `--quick` measures the first alone and skips numpy.
  static let sizes = [128, 256, 512]

  /// One size and scalar type.
  struct Row {
    var size: Int
    /// `Float` or `Double`, as numpy's rows name them too.
    var type: String
    var ours: Measurement
    /// numpy's median seconds per product; nil when numpy did not run.
    var numpySecondsPerCall: Double?

    var flops: Double { 2 * Double(size) * Double(size) * Double(size) }
    var oursGFLOPS: Double { flops / ours.secondsPerCall / 1e9 }
    var numpyGFLOPS: Double? { numpySecondsPerCall.map { flops / $0 / 1e9 } }
  }

  /// W7's figures.
  struct Result {
    var rows: [Row]
    /// Why numpy's column is missing, or what it ran with.
    var numpyNote: String
  }

  /// Times `matmul(a, b)` for every size and type, then numpy's (not in quick mode).
  static func run(policy: TimingPolicy, log: (String) -> Void) -> Result {
    let measured = policy.quick ? [sizes[0]] : sizes
    var rows: [Row] = []
    for size in measured {
      log("\(name): matmul \(size)x\(size), Float and Double")
      rows.append(Row(size: size, type: "Float", ours: time(Float.self, size: size, policy: policy)))
      rows.append(Row(size: size, type: "Double", ours: time(Double.self, size: size, policy: policy)))
    }
    if policy.quick {
      return Result(rows: rows, numpyNote: "numpy skipped in quick mode")
    }
    log("\(name): numpy matmul (python3, one thread)")
    let outcome = runNumPyMatmul(sizes: measured, policy: policy)
    switch outcome {
    case .failure(let problem):
      return Result(rows: rows, numpyNote: "numpy n/a: \(problem)")
    case .success(let numpy):
      for index in rows.indices {
        rows[index].numpySecondsPerCall = numpy.secondsPerCall[NumPyKey(size: rows[index].size, type: rows[index].type)]
      }
      return Result(
        rows: rows,
        numpyNote:
          "numpy \(numpy.version) in python3, single-threaded (OMP_NUM_THREADS, OPENBLAS_NUM_THREADS and MKL_NUM_THREADS set to 1), timed with time.perf_counter the same way (median of \(policy.repetitions) repetitions of at least \(fixed(policy.minimumRepetitionSeconds * 1e3, 0)) ms)"
      )
    }
  }

  /// The time of one product of two seeded random `size`×`size` matrices of `Scalar`.
  private static func time<Scalar: TensorScalar>(_: Scalar.Type, size: Int, policy: TimingPolicy) -> Measurement {
    let a = Tensor<Scalar>.randomUniform(shape: [size, size], in: -1..<1, seed: UInt64(size))
    let b = Tensor<Scalar>.randomUniform(shape: [size, size], in: -1..<1, seed: UInt64(size) + 1)
    return measure({ Double(matmul(a, b).withUnsafeBufferPointer { $0[0] }) }, policy: policy)
  }
}

/// W7's markdown section.
func matmulSection(_ result: W7.Result, quick: Bool) -> String {
  var lines = ["## W7 \(W7.title)", ""]
  lines.append("GFLOP/s (2n³ operations per product); ratio is ours/numpy in throughput (above 1: ours is faster).")
  lines.append("")
  lines.append("| size | type | ours GFLOP/s | numpy GFLOP/s | ratio |")
  lines.append("| --: | --- | --: | --: | --: |")
  for row in result.rows {
    let numpy = row.numpyGFLOPS
    lines.append(
      "| \(row.size) | \(row.type) | \(significant(row.oursGFLOPS)) | \(numpy.map(significant) ?? "n/a") | \(numpy.map { ratio(row.oursGFLOPS, $0) } ?? "n/a") |"
    )
  }
  lines.append("")
  lines.append("- \(result.numpyNote).")
  if quick { lines.append("- Quick mode: 128 only, a couple of calls; not a measurement.") }
  return lines.joined(separator: "\n")
}

/// W7's figures as JSON.
func matmulJSON(_ result: W7.Result) -> JSON {
  .object([
    ("name", .string(W7.name)),
    ("title", .string(W7.title)),
    ("numpyNote", .string(result.numpyNote)),
    (
      "rows",
      .array(
        result.rows.map { row in
          .object([
            ("size", .integer(row.size)),
            ("type", .string(row.type)),
            ("oursSecondsPerCall", .number(row.ours.secondsPerCall)),
            ("oursGFLOPS", .number(row.oursGFLOPS)),
            ("numpySecondsPerCall", row.numpySecondsPerCall.map { .number($0) } ?? .null),
            ("numpyGFLOPS", row.numpyGFLOPS.map { .number($0) } ?? .null),
            ("oursOverNumPyThroughput", row.numpyGFLOPS.map { .number(row.oursGFLOPS / $0) } ?? .null),
          ])
        })
    ),
  ])
}
