// Command-line options.

/// What the command line asked for.
struct Options {
  /// `--quick`: correctness and a couple of calls per variant, no calibration.
  var quick = false
  /// `--json FILE`: also write the figures as JSON.
  var jsonPath: String?
  /// `--filter NAME`: only workloads whose name starts with NAME (case-insensitive); `build`
  /// selects the build-side cost alone.
  var filter: String?
  /// `--plugin PATH`: the plugin executable to time instead of the one found next to this one.
  var pluginPath: String?

  static let usage = """
    usage: zygote-bench [--quick] [--json FILE] [--filter NAME] [--plugin PATH]

      --quick          check every gradient and make a couple of calls of each (for CI); exits
                       nonzero if any gradient disagrees with the hand-written one
      --json FILE      also write the figures to FILE as JSON
      --filter NAME    only the workloads whose name starts with NAME (W1, W3p, W5t, W7, ...);
                       `build` runs only the build-side cost
      --plugin PATH    time this plugin executable's start-up instead of ZygoteMacros-tool
    """

  /// Parses `arguments` (without the program name); nil and a message on a bad command line.
  static func parse(_ arguments: [String]) -> Result<Options, OptionsError> {
    var options = Options()
    var index = 0
    func value(for flag: String) -> Result<String, OptionsError> {
      index += 1
      guard index < arguments.count else { return .failure(OptionsError(message: "\(flag) needs a value")) }
      return .success(arguments[index])
    }
    while index < arguments.count {
      let argument = arguments[index]
      switch argument {
      case "--quick":
        options.quick = true
      case "--json":
        switch value(for: argument) {
        case .success(let path): options.jsonPath = path
        case .failure(let error): return .failure(error)
        }
      case "--filter":
        switch value(for: argument) {
        case .success(let name): options.filter = name
        case .failure(let error): return .failure(error)
        }
      case "--plugin":
        switch value(for: argument) {
        case .success(let path): options.pluginPath = path
        case .failure(let error): return .failure(error)
        }
      case "--help", "-h":
        return .failure(OptionsError(message: nil))
      default:
        return .failure(OptionsError(message: "unknown argument '\(argument)'"))
      }
      index += 1
    }
    return .success(options)
  }

  /// Whether the workload named `name` runs.
  func selects(workload name: String) -> Bool {
    guard let filter else { return true }
    return name.lowercased().hasPrefix(filter.lowercased())
  }

  /// Whether the build-side cost runs: always, unless a filter names something else.
  var selectsBuildCost: Bool {
    guard let filter else { return true }
    return filter.lowercased() == "build"
  }
}

/// A bad command line; `message` is nil for `--help`.
struct OptionsError: Error {
  var message: String?
}
