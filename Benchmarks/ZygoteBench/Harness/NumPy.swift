// numpy's matmul, timed by a small Python script that the benchmark writes to a temporary file and
// runs with python3, single-threaded, in the same run as ours (W7).

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A row of numpy's figures: a size and `Float` or `Double`.
struct NumPyKey: Hashable {
  var size: Int
  var type: String
}

/// What the script measured.
struct NumPyTimings {
  /// numpy's version, as it reports it.
  var version: String
  /// Median seconds per product.
  var secondsPerCall: [NumPyKey: Double]
}

/// Why numpy's figures are missing.
struct NumPyProblem: Error, CustomStringConvertible {
  var description: String
}

/// The script. Arguments: minimum seconds per repetition, repetitions, then the sizes. It prints
/// `version V` and one line `SIZE TYPE SECONDS` per size and type; exit status 3 means numpy could
/// not be imported. The repetitions are calibrated like ours (`measureInterleaved`).
private let numpyScript = """
  import sys, time
  try:
      import numpy as np
  except Exception as error:
      print("error", error)
      sys.exit(3)
  minimum = float(sys.argv[1])
  repetitions = int(sys.argv[2])
  print("version", np.__version__)
  for n in map(int, sys.argv[3:]):
      for name, dtype in (("Float", np.float32), ("Double", np.float64)):
          rng = np.random.default_rng(n)
          a = rng.uniform(-1, 1, (n, n)).astype(dtype)
          b = rng.uniform(-1, 1, (n, n)).astype(dtype)
          def timed(count):
              start = time.perf_counter()
              for _ in range(count):
                  np.matmul(a, b)
              return time.perf_counter() - start
          count = 1
          while True:
              seconds = timed(count)
              if seconds >= minimum:
                  break
              wanted = int(minimum * 1.2 / max(seconds / count, 1e-10)) + 1
              count = min(max(wanted, count * 2), count * 100)
          samples = sorted(timed(count) / count for _ in range(repetitions))
          middle = len(samples) // 2
          median = samples[middle] if len(samples) % 2 else (samples[middle - 1] + samples[middle]) / 2
          print(n, name, repr(median), flush=True)
  """

/// Runs the script with python3 for `sizes`, with one BLAS thread.
func runNumPyMatmul(sizes: [Int], policy: TimingPolicy) -> Result<NumPyTimings, NumPyProblem> {
  let directory = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
  var template = Array("\(directory)/zygote-bench-numpy-XXXXXX.py".utf8CString)
  let fd = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 3) }
  guard fd >= 0 else { return .failure(NumPyProblem(description: "cannot create a temporary file in \(directory) (errno \(errno))")) }
  let scriptPath = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
  defer { unlink(scriptPath) }
  let bytes = Array(numpyScript.utf8)
  let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
  close(fd)
  guard written == bytes.count else { return .failure(NumPyProblem(description: "cannot write \(scriptPath)")) }

  let arguments = ["python3", scriptPath, "\(policy.minimumRepetitionSeconds)", "\(policy.repetitions)"] + sizes.map(String.init)
  let output: String
  switch runCapturingOutput(arguments, extraEnvironment: ["OMP_NUM_THREADS=1", "OPENBLAS_NUM_THREADS=1", "MKL_NUM_THREADS=1"]) {
  case .failure(let problem): return .failure(problem)
  case .success(let (status, text)):
    if status == 3 { return .failure(NumPyProblem(description: "numpy is not installed for python3")) }
    guard status == 0 else { return .failure(NumPyProblem(description: "python3 exited with status \(status)")) }
    output = text
  }
  var timings = NumPyTimings(version: "?", secondsPerCall: [:])
  for line in output.split(separator: "\n") {
    let fields = line.split(separator: " ").map(String.init)
    if fields.count == 2, fields[0] == "version" {
      timings.version = fields[1]
    } else if fields.count == 3, let size = Int(fields[0]), let seconds = Double(fields[2]) {
      timings.secondsPerCall[NumPyKey(size: size, type: fields[1])] = seconds
    }
  }
  guard !timings.secondsPerCall.isEmpty else { return .failure(NumPyProblem(description: "the script printed no timings")) }
  return .success(timings)
}

/// Runs `arguments[0]` (found on PATH) with `arguments`, this process's environment plus
/// `extraEnvironment` (`NAME=value`, replacing any variable of the same name), standard error
/// discarded; its exit status and standard output.
private func runCapturingOutput(
  _ arguments: [String], extraEnvironment: [String]
) -> Result<(status: Int32, output: String), NumPyProblem> {
  let overridden = Set(extraEnvironment.map { $0.prefix { $0 != "=" } })
  var environment: [String] = []
  var entry = environ
  while let pointer = entry.pointee {
    let variable = String(cString: pointer)
    if !overridden.contains(variable.prefix { $0 != "=" }) { environment.append(variable) }
    entry += 1
  }
  environment += extraEnvironment

  var pipeEnds: [Int32] = [0, 0]
  guard pipe(&pipeEnds) == 0 else { return .failure(NumPyProblem(description: "pipe failed (errno \(errno))")) }
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
  posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)

  func cStrings(_ strings: [String]) -> [UnsafeMutablePointer<CChar>?] { strings.map { strdup($0) } + [nil] }
  let argv = cStrings(arguments)
  let envp = cStrings(environment)
  defer {
    for pointer in argv { free(pointer) }
    for pointer in envp { free(pointer) }
  }
  var pid: pid_t = 0
  let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, argv, envp)
  close(pipeEnds[1])
  guard spawned == 0 else {
    close(pipeEnds[0])
    return .failure(NumPyProblem(description: "\(arguments[0]) not found (posix_spawnp: errno \(spawned))"))
  }
  var bytes: [UInt8] = []
  var chunk = [UInt8](repeating: 0, count: 4096)
  while true {
    let count = chunk.withUnsafeMutableBytes { read(pipeEnds[0], $0.baseAddress!, $0.count) }
    if count > 0 {
      bytes += chunk[0..<count]
    } else if count < 0 && errno == EINTR {
      continue
    } else {
      break
    }
  }
  close(pipeEnds[0])
  var status: Int32 = 0
  while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
  // WIFEXITED / WEXITSTATUS are macros Swift does not import.
  let exited = status & 0x7f == 0
  return .success((exited ? (status >> 8) & 0xff : -1, String(decoding: bytes, as: UTF8.self)))
}
