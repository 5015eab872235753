// A generated corpus of differentiable functions, for timing the transform.

/// One function of the corpus, with what the transform is handed for it.
struct CorpusFunction {
  /// The declaration, `@Differentiable` included (what the compiler hands a peer macro).
  var source: String
  /// Where it would sit in a file.
  var context: ExpansionContextShape
}

/// The parts of an expansion context that the corpus decides (kept apart so this file does not
/// depend on ZygoteTransform).
struct ExpansionContextShape {
  var fileName: String
  var line: Int
  var discriminator: String
}

/// Generates `count` `@Differentiable` functions of about `linesPerFunction` lines each:
/// scalar arithmetic, elementary functions, `for` and `while` loops, `if`/`else` branches.
/// Seeded: every run builds the same corpus.
func generateCorpus(count: Int = 200, linesPerFunction: Int = 30, seed: UInt64 = 2024) -> [CorpusFunction] {
  var random = SeededGenerator(seed: seed)
  var functions: [CorpusFunction] = []
  var line = 1
  for index in 0..<count {
    let lines = corpusFunctionLines(index: index, targetLines: linesPerFunction, random: &random)
    let source = lines.joined(separator: "\n")
    functions.append(
      CorpusFunction(
        source: source,
        context: ExpansionContextShape(fileName: "/corpus/Corpus.swift", line: line, discriminator: "$corpus\(index)")))
    line += lines.count + 1
  }
  return functions
}

private func corpusFunctionLines(index: Int, targetLines: Int, random: inout SeededGenerator) -> [String] {
  func constant() -> String {
    let value = (random.next(in: 0.05...2.0) * 1000).rounded() / 1000
    return "\(value)"
  }
  func small() -> Int { Int(random.next() % 12) + 3 }
  let elementary = ["sin", "cos", "tanh", "exp"]
  func unary() -> String { elementary[Int(random.next() % UInt64(elementary.count))] }

  var lines = [
    "@Differentiable",
    "func corpus\(index)(_ x: Double, _ y: Double) -> Double {",
    "  var s = x * \(constant()) + y",
    "  var t = \(unary())(y) - \(constant()) * x",
    "  var u = exp(-x * x) + \(constant())",
  ]
  var block = 0
  // Leave room for the closing lines.
  while lines.count < targetLines - 3 {
    block += 1
    switch random.next() % 5 {
    case 0:
      let modulus = Int(random.next() % 3) + 2
      lines += [
        "  for i in 0..<\(small()) {",
        "    if i % \(modulus) == 0 {",
        "      s = s * \(constant()) + \(unary())(t) * u",
        "    } else {",
        "      t = t + \(unary())(s) * \(constant())",
        "    }",
        "  }",
      ]
    case 1:
      lines += [
        "  if s > t {",
        "    u = u * \(constant()) + tanh(s)",
        "  } else {",
        "    u = u - log(1 + t * t) * \(constant())",
        "  }",
      ]
    case 2:
      lines += [
        "  var k\(block) = 0",
        "  while k\(block) < \(small()) {",
        "    u = u * \(constant()) + s * \(constant())",
        "    k\(block) += 1",
        "  }",
      ]
    case 3:
      lines += [
        "  let a\(block) = \(unary())(s) * \(unary())(t) + \(constant())",
        "  t = t * a\(block) + u / (1 + a\(block) * a\(block))",
      ]
    default:
      lines += [
        "  s = s + t * u / (1 + u * u)",
        "  t = \(unary())(t) * \(constant()) - s * \(constant())",
        "  u = (u + s) * \(constant())",
      ]
    }
  }
  lines += [
    "  let result = s * t + u",
    "  return result",
    "}",
  ]
  return lines
}
