// swift-tools-version: 6.0
// An example package that uses ZygotePlugin: only `loss` is marked @Differentiable; the plugin
// generates the pullbacks of the helpers it calls (Sources/PluginExample/Helpers.swift). Build
// and run from this directory: `swift run plugin-example`. Tools version 6.0: Swift 6 language mode.
import PackageDescription

let package = Package(
  name: "plugin-example",
  // The name makes `package: "swift-zygote"` below work whatever the checkout's directory is called.
  dependencies: [.package(name: "swift-zygote", path: "../..")],
  targets: [
    .target(
      name: "PluginExample",
      dependencies: [.product(name: "Zygote", package: "swift-zygote")],
      plugins: [.plugin(name: "ZygotePlugin", package: "swift-zygote")]),
    .executableTarget(
      name: "plugin-example",
      dependencies: ["PluginExample", .product(name: "Zygote", package: "swift-zygote")],
      plugins: [.plugin(name: "ZygotePlugin", package: "swift-zygote")]),
  ]
)
