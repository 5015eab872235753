// zygote-expand: prints the code Zygote's macros generate for a Swift file.
//
//     swift run zygote-expand FILE.swift [--function NAME]
//
// Exit status: 0 when every macro use expanded, 1 when the transform reported an error for one
// of them, 2 for a usage error or a file that cannot be read. The work is done by
// `FileExpander` (in ZygoteTransform, where tests can reach it); this file only reads the
// arguments and the file.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import ToolSupport
import ZygoteTransform

let usage = """
  usage: zygote-expand FILE.swift [--function NAME]

  Prints, for each use of @Differentiable, @Adjoint, @DifferentiableStruct, #gradient,
  #derivative, #valueWithGradient, #pullback and #differentiable in FILE, the code the macro
  generates, or its diagnostics as FILE:LINE:COLUMN: error: MESSAGE.

  --function NAME   only the uses on the declaration NAME and inside it

  """

/// The file path and the `--function` name from the command line, or nil after printing why not.
func parseArguments(_ arguments: [String]) -> (path: String, function: String?)? {
  var path: String?
  var function: String?
  var index = 0
  while index < arguments.count {
    let argument = arguments[index]
    switch argument {
    case "-h", "--help":
      print(usage, terminator: "")
      exit(0)
    case "--function":
      guard index + 1 < arguments.count else {
        printError("zygote-expand: --function needs a name\n\n" + usage)
        return nil
      }
      function = arguments[index + 1]
      index += 1
    default:
      guard path == nil, !argument.hasPrefix("-") else {
        printError("zygote-expand: unexpected argument '\(argument)'\n\n" + usage)
        return nil
      }
      path = argument
    }
    index += 1
  }
  guard let path else {
    printError(usage)
    return nil
  }
  return (path, function)
}

guard let (path, function) = parseArguments(Array(CommandLine.arguments.dropFirst())) else { exit(2) }
guard let bytes = readFile(path) else {
  printError("zygote-expand: cannot read '\(path)': \(String(cString: strerror(errno)))\n")
  exit(2)
}
let report = FileExpander.report(fileText: String(decoding: bytes, as: UTF8.self), fileName: path, onlyFunction: function)
print(report.text, terminator: "")
exit(report.errorCount == 0 ? 0 : 1)
