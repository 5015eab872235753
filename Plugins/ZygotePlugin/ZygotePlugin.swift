import PackagePlugin

/// The build plugin: before a target compiles, `zygote-generate` reads its Swift files and writes
/// the pullbacks of the functions that differentiated code calls but that nobody annotated.
///
/// Use it on a target that depends on Zygote:
///
/// ```swift
/// .target(name: "MyModel", dependencies: ["Zygote"],
///         plugins: [.plugin(name: "ZygotePlugin", package: "swift-zygote")])
/// ```
///
/// The generated file is `<scratch>/plugins/outputs/<package>/<target>/destination/ZygotePlugin/
/// ZygoteGenerated.swift` (`.build/plugins/outputs/...` by default). It is a build command (not
/// a prebuild command) with the target's Swift files as inputs, so the build system reruns it only
/// when one of them changes, and the generator is built from source like any other tool.
@main
struct ZygotePlugin: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
    guard let target = target as? SwiftSourceModuleTarget else { return [] }
    let inputs = target.sourceFiles(withSuffix: "swift").map(\.url).sorted { $0.path < $1.path }
    let output = context.pluginWorkDirectoryURL.appendingPathComponent("ZygoteGenerated.swift")
    return [
      .buildCommand(
        displayName: "Generating Zygote pullbacks for \(target.name)",
        executable: try context.tool(named: "zygote-generate").url,
        arguments: ["--output", output.path] + inputs.map(\.path),
        inputFiles: inputs,
        outputFiles: [output])
    ]
  }
}
