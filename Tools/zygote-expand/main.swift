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
import ZygoteTransform

let usage = """
  usage: zygote-expand FILE.swift [--function NAME]

  Prints, for each use of @Differentiable, @Adjoint, @DifferentiableStruct, #gradient,
  #derivative, #valueWithGradient, #pullback and #differentiable in FILE, the code the macro
  generates, or its diagnostics as FILE:LINE:COLUMN: error: MESSAGE.

  --function NAME   only the uses on the declaration NAME and inside it

  """

/// Writes `text` to standard error.
func printError(_ text: String) {
  var bytes = Array(text.utf8)[...]
  while !bytes.isEmpty {
    let count = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    guard count > 0 else { return }
    bytes = bytes.dropFirst(count)
  }
}

/// The contents of the file at `path`, or nil if it cannot be read.
func readFile(_ path: String) -> [UInt8]? {
  guard let handle = fopen(path, "rb") else { return nil }
  defer { fclose(handle) }
  var contents: [UInt8] = []
  var buffer = [UInt8](repeating: 0, count: 65536)
  while true {
    let count = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, handle) }
    contents += buffer[0..<count]
    if count < buffer.count { return ferror(handle) == 0 ? contents : nil }
  }
}

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
