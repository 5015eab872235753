// swift-tools-version: 6.0
import CompilerPluginSupport
import PackageDescription

let swift6: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
  name: "swift-zygote",
  products: [
    .library(name: "Zygote", targets: ["Zygote"]),
    .library(name: "ZygoteMath", targets: ["ZygoteMath"]),
    .executable(name: "zygote-expand", targets: ["zygote-expand"]),
    .executable(name: "zygote-bench", targets: ["zygote-bench"]),
    .executable(name: "zygote-generate", targets: ["zygote-generate"]),
    .plugin(name: "ZygotePlugin", targets: ["ZygotePlugin"]),
    .plugin(name: "ZygoteGenerateCommand", targets: ["ZygoteGenerateCommand"]),
    .executable(name: "demo", targets: ["demo"]),
    .executable(name: "linear-regression", targets: ["linear-regression"]),
    .executable(name: "digits-mlp", targets: ["digits-mlp"]),
    .executable(name: "curve-fit", targets: ["curve-fit"]),
    .executable(name: "collections-tour", targets: ["collections-tour"]),
  ],
  targets: [
    // MARK: Runtime: what users import (macro declarations, rules, Tensor, Params).
    .target(name: "Zygote", dependencies: ["ZygoteMacros"], swiftSettings: swift6),
    // sin, exp, pow, ... on generic scalars (and Dual): opt-in, since they slow type checking.
    .target(name: "ZygoteMath", dependencies: ["Zygote"], swiftSettings: swift6),

    // MARK: Transform: lexer, parser, AST, differentiation, emission. Pure, stdlib only.
    .target(name: "ZygoteTransform", exclude: ["README.md"], swiftSettings: swift6),

    // MARK: Plugin: the compiler plugin executable, a thin shell around the transform.
    // The protocol (framing, JSON, message handling) is a library so that tests can drive it.
    .target(name: "ZygoteMacroHost", dependencies: ["ZygoteTransform"], path: "Macros/ZygoteMacroHost", swiftSettings: swift6),
    .macro(
      name: "ZygoteMacros", dependencies: ["ZygoteMacroHost"], path: "Macros/ZygoteMacros",
      swiftSettings: swift6),

    // MARK: Tools and examples.
    // File and standard-error helpers shared by the command-line tools.
    .target(name: "ToolSupport", path: "Tools/ToolSupport", swiftSettings: swift6),
    .executableTarget(
      name: "zygote-expand", dependencies: ["ZygoteTransform", "ToolSupport"], path: "Tools/zygote-expand",
      swiftSettings: swift6),
    // Whole-target differentiation (issue 8): the generator both plugins run, the build plugin
    // (pullbacks of unannotated callees at build time) and `swift package zygote-generate`.
    .executableTarget(
      name: "zygote-generate", dependencies: ["ZygoteTransform", "ToolSupport"], path: "Tools/zygote-generate",
      swiftSettings: swift6),
    .plugin(name: "ZygotePlugin", capability: .buildTool(), dependencies: ["zygote-generate"], path: "Plugins/ZygotePlugin"),
    .plugin(
      name: "ZygoteGenerateCommand",
      capability: .command(
        intent: .custom(verb: "zygote-generate", description: "Write the pullbacks ZygotePlugin generates into each target"),
        permissions: [.writeToPackageDirectory(reason: "writes ZygotePullbacks.swift into the targets' source directories")]),
      dependencies: ["zygote-generate"], path: "Plugins/ZygoteGenerateCommand"),
    .executableTarget(
      name: "zygote-bench", dependencies: ["Zygote", "ZygoteMath", "ZygoteTransform"], path: "Benchmarks/ZygoteBench",
      swiftSettings: swift6),
    .executableTarget(name: "demo", dependencies: ["Zygote"], path: "Examples/demo", swiftSettings: swift6),
    .executableTarget(
      name: "linear-regression", dependencies: ["Zygote"], path: "Examples/linear-regression", swiftSettings: swift6),
    .executableTarget(name: "curve-fit", dependencies: ["Zygote"], path: "Examples/curve-fit", swiftSettings: swift6),
    .executableTarget(
      name: "collections-tour", dependencies: ["Zygote"], path: "Examples/collections-tour", swiftSettings: swift6),
    // The digits example's model and data, shared by the example and its tests.
    .target(name: "DigitsModel", dependencies: ["Zygote"], path: "Examples/digits-model", swiftSettings: swift6),
    .executableTarget(
      name: "digits-mlp", dependencies: ["Zygote", "DigitsModel"], path: "Examples/digits-mlp",
      exclude: ["digits.u8", "DATA-LICENSE.md"], swiftSettings: swift6),

    // MARK: Tests.
    .testTarget(
      name: "ZygoteTransformTests", dependencies: ["ZygoteTransform"], exclude: ["Golden"], swiftSettings: swift6),
    // Pipes, files, frame splitting and a seeded generator, shared by the tests that drive the plugin.
    .target(name: "ZygoteTestSupport", path: "Tests/ZygoteTestSupport", swiftSettings: swift6),
    .testTarget(name: "ZygoteMacrosTests", dependencies: ["ZygoteMacroHost", "ZygoteTransform", "ZygoteTestSupport"], swiftSettings: swift6),
    .testTarget(
      name: "ZygoteTests", dependencies: ["Zygote", "DigitsModel", "ZygoteMath"], exclude: ["CompilerDiagnostics/Cases", "Generators"], swiftSettings: swift6),
    // Generated and mutated sources against the transform (in process) and the plugin executable.
    .testTarget(name: "ZygoteFuzzTests", dependencies: ["ZygoteTransform", "ZygoteMacroHost", "ZygoteTestSupport"], swiftSettings: swift6),
    // zygote-expand, driven on files with golden output.
    .testTarget(
      name: "ZygoteExpandTests", dependencies: ["ZygoteTransform"], exclude: ["Inputs"], swiftSettings: swift6),
    // The build plugin's generator: golden files, the compiler's errors, and the example package built.
    .testTarget(
      name: "ZygoteGenerateTests", dependencies: ["ZygoteTransform"], exclude: ["Golden"], swiftSettings: swift6),
    // The same kind of user code compiled in Swift 5 language mode: generated code must work in both.
    .testTarget(
      name: "ZygoteSwift5Tests", dependencies: ["Zygote", "ZygoteMath"], swiftSettings: [.swiftLanguageMode(.v5)]),
  ]
)
