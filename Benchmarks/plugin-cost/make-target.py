#!/usr/bin/env python3
"""Writes a package with one 50-file target for measuring ZygotePlugin's cost (README, "The build
plugin"). Each file holds one @Differentiable function that calls two unannotated helpers (one
with a loop and a branch), and about 60 lines of ordinary code the plugin must read but not
differentiate.

    make-target.py DIR ROOT [--annotated]

DIR is the package to write, ROOT the swift-zygote checkout. With --annotated the helpers carry
@Differentiable and the target uses no plugin: the same code as a user would write without it.
"""
import os
import sys

FILES = 50


def file_text(i, annotated):
    mark = "@Differentiable\n" if annotated else ""
    return f"""import Foundation
import Zygote

@Differentiable
func loss{i}(_ x: Double, _ y: Double) -> Double {{
  let a = smooth{i}(x * y)
  return a * a + accumulate{i}(a, y)
}}

{mark}func smooth{i}(_ z: Double) -> Double {{
  z > 0 ? z + 0.1 * sin(z) : 0.05 * z
}}

{mark}func accumulate{i}(_ x: Double, _ y: Double) -> Double {{
  var s = x
  for k in 0..<8 {{
    if k % 2 == 0 {{ s = s * y + 0.5 }} else {{ s = smooth{i}(s) }}
  }}
  return s
}}

/// Ordinary code of the target, never differentiated.
struct Record{i}: Equatable {{
  var name: String
  var values: [Double]
  var tags: Set<String>

  init(name: String, values: [Double], tags: Set<String> = []) {{
    self.name = name
    self.values = values
    self.tags = tags
  }}

  var mean: Double {{ values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count) }}

  func describe() -> String {{
    "\\(name): \\(values.count) values, mean \\(mean), tags \\(tags.sorted().joined(separator: ","))"
  }}

  mutating func normalize() {{
    let m = mean
    for index in values.indices {{ values[index] -= m }}
  }}
}}

enum Parser{i} {{
  static func parse(_ line: String) -> Record{i}? {{
    let parts = line.split(separator: ";")
    guard parts.count >= 2 else {{ return nil }}
    let values = parts[1].split(separator: ",").compactMap {{ Double($0) }}
    let tags = parts.count > 2 ? Set(parts[2].split(separator: ",").map(String.init)) : []
    return Record{i}(name: String(parts[0]), values: values, tags: tags)
  }}

  static func parseAll(_ text: String) -> [Record{i}] {{
    text.split(separator: "\\n").compactMap {{ parse(String($0)) }}
  }}
}}

func report{i}(_ records: [Record{i}]) -> String {{
  var lines: [String] = []
  for record in records where !record.values.isEmpty {{
    lines.append(record.describe())
  }}
  return lines.joined(separator: "\\n")
}}
"""


def main():
    directory, root = sys.argv[1], sys.argv[2]
    annotated = "--annotated" in sys.argv
    plugins = "" if annotated else ',\n      plugins: [.plugin(name: "ZygotePlugin", package: "swift-zygote")]'
    sources = os.path.join(directory, "Sources", "Model")
    os.makedirs(sources, exist_ok=True)
    with open(os.path.join(directory, "Package.swift"), "w") as f:
        f.write(f"""// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "plugin-cost",
  dependencies: [.package(name: "swift-zygote", path: "{root}")],
  targets: [
    .target(
      name: "Model", dependencies: [.product(name: "Zygote", package: "swift-zygote")]{plugins})
  ]
)
""")
    for i in range(FILES):
        with open(os.path.join(sources, f"File{i:02}.swift"), "w") as f:
            f.write(file_text(i, annotated))


main()
