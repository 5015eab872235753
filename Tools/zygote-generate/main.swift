// zygote-generate: writes the pullbacks of a target's unannotated callees into one Swift file.
//
//     zygote-generate --output OUT.swift [--relative-to DIR] FILE.swift...
//
// Run by the build plugin (ZygotePlugin) on every build whose sources changed, and by the command
// plugin (`swift package zygote-generate`). The work is done by `ModuleGenerator` in
// ZygoteTransform, where tests reach it; this file reads the arguments and the files and writes
// the output. Exit status: 0 when the file was written (errors about the user's code are in it,
// as `#error`s the compiler reports at the user's lines), 2 for a usage error or an I/O failure.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import ToolSupport
import ZygoteTransform

let usage = """
  usage: zygote-generate --output OUT.swift [--relative-to DIR] [--verbose] FILE.swift...

  Reads the Swift files of one target and writes OUT.swift: the pullback of every function that
  differentiated code reaches and that has neither @Differentiable nor a rule.

  --output PATH        the file to write (an input with this path is ignored: it is the
                       previous output)
  --relative-to DIR    print paths of files under DIR relative to it, and report errors in
                       the generated file instead of at the users' lines (for a committed
                       file, which must not depend on where the package is checked out)
  --verbose            list the functions that received a pullback, and the errors, on
                       standard error

  """

/// Writes `text` to `path`, replacing it; false on failure.
func writeFile(_ path: String, _ text: String) -> Bool {
  guard let handle = fopen(path, "wb") else { return false }
  let bytes = Array(text.utf8)
  let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, handle) }
  return fclose(handle) == 0 && written == bytes.count
}

struct Options {
  var output = ""
  var relativeTo: String?
  var verbose = false
  var inputs: [String] = []
}

/// The options, or nil after printing why not.
func parseArguments(_ arguments: [String]) -> Options? {
  var options = Options()
  var index = 0
  while index < arguments.count {
    let argument = arguments[index]
    switch argument {
    case "-h", "--help":
      print(usage, terminator: "")
      exit(0)
    case "--output", "--relative-to":
      guard index + 1 < arguments.count else {
        printError("zygote-generate: \(argument) needs a path\n\n" + usage)
        return nil
      }
      if argument == "--output" { options.output = arguments[index + 1] } else { options.relativeTo = arguments[index + 1] }
      index += 1
    case "--verbose":
      options.verbose = true
    default:
      guard !argument.hasPrefix("-") else {
        printError("zygote-generate: unexpected option '\(argument)'\n\n" + usage)
        return nil
      }
      options.inputs.append(argument)
    }
    index += 1
  }
  guard !options.output.isEmpty else {
    printError("zygote-generate: --output is required\n\n" + usage)
    return nil
  }
  return options
}

/// `path` relative to `base` when it is under it.
func displayPath(_ path: String, relativeTo base: String?) -> String {
  guard let base, !base.isEmpty else { return path }
  let prefix = base.hasSuffix("/") ? base : base + "/"
  return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
}

guard let options = parseArguments(Array(CommandLine.arguments.dropFirst())) else { exit(2) }
var files: [ModuleSourceFile] = []
for path in options.inputs where path != options.output {
  guard let bytes = readFile(path) else {
    printError("zygote-generate: cannot read '\(path)': \(String(cString: strerror(errno)))\n")
    exit(2)
  }
  files.append(ModuleSourceFile(path: displayPath(path, relativeTo: options.relativeTo), text: String(decoding: bytes, as: UTF8.self)))
}
// The same files in any order give the same output.
files.sort { $0.path < $1.path }
// Relative paths in `#sourceLocation` would name second files with the real files' `#fileID`s.
let module = ModuleGenerator.generate(files: files, pointsIntoSources: options.relativeTo == nil)
// An unchanged file is left alone, so that the compiler does not recompile it after an edit that
// changed no pullback (its modification time is what the compiler's incremental build reads).
let unchanged = readFile(options.output).map { $0.elementsEqual(module.source.utf8) } ?? false
guard unchanged || writeFile(options.output, module.source) else {
  printError("zygote-generate: cannot write '\(options.output)': \(String(cString: strerror(errno)))\n")
  exit(2)
}
// Quiet in the build plugin: the compiler reports each error at the user's line from the `#error`
// in the file, and a second copy here would only repeat it.
if options.verbose {
  for function in module.generatedFunctions { printError("zygote-generate: pullback of \(function)\n") }
  for error in module.errors { printError(error + "\n") }
}
exit(0)
