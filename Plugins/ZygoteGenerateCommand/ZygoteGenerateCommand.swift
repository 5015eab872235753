import Foundation
import PackagePlugin

/// `swift package zygote-generate [--target NAME]...`: writes what the build plugin generates into
/// each target, as `Sources/<Target>/ZygotePullbacks.swift`, for packages that want to commit the
/// generated code and build without plugins.
///
/// Without `--target`, every Swift target that depends on Zygote (directly) is processed. The
/// previous output is not read as input, so running the command again regenerates the file; a
/// target that keeps the build plugin too sees the committed rules and does not generate them
/// again.
@main
struct ZygoteGenerateCommand: CommandPlugin {
  /// The committed file's name. It differs from the build plugin's `ZygoteGenerated.swift`: a
  /// module cannot hold two files with the same name.
  static let fileName = "ZygotePullbacks.swift"

  func performCommand(context: PluginContext, arguments: [String]) async throws {
    var extractor = ArgumentExtractor(arguments)
    let names = extractor.extractOption(named: "target")
    let targets: [SwiftSourceModuleTarget]
    if names.isEmpty {
      targets = context.package.targets.compactMap { $0 as? SwiftSourceModuleTarget }.filter(Self.dependsOnZygote)
    } else {
      targets = try context.package.targets(named: names).compactMap { $0 as? SwiftSourceModuleTarget }
    }
    let tool = try context.tool(named: "zygote-generate").url
    let packageDirectory = context.package.directoryURL.path
    for target in targets {
      let output = target.directoryURL.appendingPathComponent(Self.fileName)
      let inputs = target.sourceFiles(withSuffix: "swift").map(\.url.path).sorted()
      let process = Process()
      process.executableURL = tool
      process.arguments = ["--output", output.path, "--relative-to", packageDirectory, "--verbose"] + inputs
      try process.run()
      process.waitUntilExit()
      guard process.terminationStatus == 0 else {
        Diagnostics.error("zygote-generate failed for target '\(target.name)' (status \(process.terminationStatus))")
        return
      }
      print("wrote \(output.path)")
    }
  }

  /// Whether the target lists the Zygote product or target among its dependencies.
  static func dependsOnZygote(_ target: SwiftSourceModuleTarget) -> Bool {
    target.dependencies.contains { dependency in
      switch dependency {
      case .product(let product): return product.name == "Zygote"
      case .target(let target): return target.name == "Zygote"
      @unknown default: return false
      }
    }
  }
}
