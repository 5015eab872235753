/// One run of the generator: the work list of reached callees and the sections produced so far.
struct Generation {
  /// A piece of the generated file, placed at its function's position in the target.
  struct Section {
    var fileIndex: Int
    var start: Int
    var title: String
    var text: String
  }

  let files: [ModuleSourceFile]
  let pointsIntoSources: Bool
  let lines: [SourceFile]
  let index: FunctionIndex
  var sections: [Section] = []
  var errors: [(fileIndex: Int, start: Int, text: String)] = []
  var generatedFunctions: [(fileIndex: Int, start: Int, title: String)] = []
  /// The generated rules of global functions that a call finding its rule at run time can use
  /// (see `ModuleRuleTable`), by function name: each a closure expression calling the rule.
  var runtimeRules: [String: [String]] = [:]
  /// The files whose imports the generated file needs.
  var contributingFiles = Set<Int>()
  private var queue: [FunctionIndex.Key] = []
  private var reached = Set<FunctionIndex.Key>()
  private var declaredFallbacks = Set<String>()

  init(files: [ModuleSourceFile], pointsIntoSources: Bool) {
    self.files = files
    self.pointsIntoSources = pointsIntoSources
    self.lines = files.map { SourceFile($0.text) }
    self.index = FunctionIndex(files: files.map(\.text))
  }

  mutating func run() {
    for (fileIndex, file) in files.enumerated() {
      for use in MacroUseScanner.scan(file.text) {
        switch use.kind {
        case .attached(_, "peer", _) where use.macroName == "Differentiable", .freestanding:
          let position = lines[fileIndex].lineAndColumn(ofUTF8Offset: use.range.start)
          let context = ExpansionContext(
            fileName: file.path, line: position.line, column: position.column, lexicalContext: use.lexicalContext)
          let result: ExpansionResult
          if case .attached(let attribute, let role, _) = use.kind {
            result = MacroExpander.expandAttached(
              macroName: use.macroName, role: role, attributeSource: attribute, declarationSource: use.source,
              extendedType: nil, context: context)
          } else {
            result = MacroExpander.expandFreestanding(macroName: use.macroName, source: use.source, context: context)
          }
          // A use the macro refuses is reported by the compiler; its callees are unknown.
          let callees = RuleCallScan.callees(in: result.expandedSource ?? "")
          let shadowed = ShadowingCheck(index: index).shadowedCallees(
            callees, fileIndex: fileIndex, range: use.range, freestandingSource: use.kind == .freestanding ? use.source : nil)
          let name = use.declarationName ?? use.enclosingNames.first ?? "#\(use.macroName)"
          for (callee, boundAs) in shadowed {
            sections.append(
              errorSection(
                ShadowingCheck.message(callee: callee, boundAs: boundAs, in: name), fileIndex: fileIndex, at: use.range.start,
                title: "error: \(name) (\(file.path):\(position.line))"))
          }
          enqueue(callees.filter { key in !shadowed.contains { $0.name == key.name && key.kind == .global } })
        default:
          continue
        }
      }
    }
    while !queue.isEmpty {
      let key = queue.removeFirst()
      guard !index.providedKeys.contains(key) else { continue }
      for candidate in index.candidatesByKey[key] ?? [] {
        generate(candidate)
      }
    }
  }

  private mutating func enqueue(_ keys: [FunctionIndex.Key]) {
    for key in keys where reached.insert(key).inserted { queue.append(key) }
  }

  /// Generates the rule of one reached function, or the error (or, where the call may mean
  /// another function of that name, the note) that explains why there is none.
  private mutating func generate(_ candidate: FunctionIndex.Candidate) {
    let file = files[candidate.fileIndex]
    let position = lines[candidate.fileIndex].lineAndColumn(ofUTF8Offset: candidate.start)
    let qualifiedName = candidate.extendedType.map { "\($0).\(candidate.key.name)" } ?? candidate.key.name
    let title = "\(qualifiedName) (\(file.path):\(position.line))"
    // A call `x._vjpm(sum: ())` or `_vjp(log: x)` may well mean a library function: a user's
    // function of that name that cannot be differentiated is then skipped, not an error.
    let mayMeanAnother = candidate.key.kind == .method || RuleNames.libraryFunctions.contains(candidate.key.name)

    func refuse(_ message: String, at offset: Int) -> Section {
      if mayMeanAnother {
        return Section(fileIndex: candidate.fileIndex, start: candidate.start, title: "skipped: \(title)", text: "// \(message)")
      }
      return errorSection(message, fileIndex: candidate.fileIndex, at: offset, title: "error: \(title)")
    }

    if let reason = candidate.inaccessibleBecause {
      let message =
        "ZygotePlugin cannot differentiate '\(candidate.key.name)', which differentiated code calls: \(reason), and the "
        + "generated pullbacks live in another file; make it internal, or mark it @Differentiable"
      sections.append(refuse(message, at: candidate.start))
      return
    }
    let context = ExpansionContext(
      fileName: pointsIntoSources ? file.path : "", line: position.line, column: position.column,
      lexicalContext: candidate.lexicalContext,
      discriminator: "zygote_generate_\(position.line)_\(position.column)")
    let result = MacroExpander.expandAttached(
      macroName: "Differentiable", role: "peer", attributeSource: "@Differentiable", declarationSource: candidate.source,
      extendedType: nil, context: context)
    guard let source = result.expandedSource, !result.diagnostics.contains(where: { $0.severity == .error }) else {
      let error = result.diagnostics.first { $0.severity == .error }
      let message =
        "ZygotePlugin cannot differentiate '\(candidate.key.name)', which differentiated code calls: "
        + (error?.message ?? "the transform returned no code")
      sections.append(refuse(message, at: candidate.start + max(0, error?.range.start ?? 0)))
      return
    }
    let callees = RuleCallScan.callees(in: source)
    let range = SourceRange(start: candidate.start, end: candidate.start + candidate.source.utf8.count)
    if let (callee, boundAs) = ShadowingCheck(index: index).shadowedCallees(
      callees, fileIndex: candidate.fileIndex, range: range, freestandingSource: nil
    ).first {
      // Not skippable like other refusals: whichever function the call meant, this rule is wrong.
      sections.append(
        errorSection(
          ShadowingCheck.message(callee: callee, boundAs: boundAs, in: qualifiedName), fileIndex: candidate.fileIndex,
          at: candidate.start, title: "error: \(title)"))
      return
    }
    var text = removingRepeatedFallbacks(source.replacingFirst("generated by @Differentiable.", with: "generated by ZygotePlugin."))
    if let type = candidate.extendedType {
      let constraints = candidate.extensionWhereClause.map { " " + $0 } ?? ""
      text = "extension \(type)\(constraints) {\n" + Self.indented(text) + "\n}"
    }
    sections.append(Section(fileIndex: candidate.fileIndex, start: candidate.start, title: title, text: text))
    generatedFunctions.append((candidate.fileIndex, candidate.start, title))
    if candidate.extendedType == nil, candidate.key.kind == .global, let rule = ModuleRuleTable.entry(forDeclaration: candidate.source) {
      runtimeRules[candidate.key.name, default: []].append(rule)
    }
    contributingFiles.insert(candidate.fileIndex)
    enqueue(callees)
  }

  /// An `#error` at `offset` of file `fileIndex` (through `#sourceLocation` when the paths are
  /// real, else with the place in the message), recorded in `errors` too.
  private mutating func errorSection(_ message: String, fileIndex: Int, at offset: Int, title: String) -> Section {
    let file = files[fileIndex]
    let at = lines[fileIndex].lineAndColumn(ofUTF8Offset: offset)
    errors.append((fileIndex, offset, "\(file.path):\(at.line):\(at.column): error: \(message)"))
    let text =
      pointsIntoSources
      ? """
        #sourceLocation(file: "\(file.path)", line: \(at.line))
        #error("\(Self.escaped(message))")
        #sourceLocation()
        """
      : "#error(\"\(Self.escaped("\(file.path):\(at.line): " + message))\")"
    return Section(fileIndex: fileIndex, start: offset, title: title, text: text)
  }

  /// `source` without the missing-rule fallbacks an earlier section already declared: two
  /// overloads of one function, declared on the same line of two files, would declare the same
  /// fallback twice (a redeclaration).
  private mutating func removingRepeatedFallbacks(_ source: String) -> String {
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    var kept: [Substring] = []
    var index = 0
    while index < lines.count {
      // A fallback is three lines: `@available(*, unavailable, ...)`, `@_disfavoredOverload`, `func`.
      if lines[index].hasPrefix("@available(*, unavailable"), index + 2 < lines.count,
        lines[index + 1] == "@_disfavoredOverload"
      {
        if declaredFallbacks.insert(String(lines[index + 2])).inserted { kept += lines[index...(index + 2)] }
        index += 3
      } else {
        kept.append(lines[index])
        index += 1
      }
    }
    return kept.joined(separator: "\n")
  }

  /// The generated file: a header, the imports of the files that contributed, and the sections in
  /// the order of the functions in the target.
  func render() -> GeneratedModule {
    var out = """
      // Generated by ZygotePlugin (swift-zygote). Do not edit.
      //
      // The pullbacks of the functions that differentiated code in this target calls and that carry
      // neither @Differentiable nor an @Adjoint(of:). Each is what @Differentiable would generate on
      // that function. The build plugin rewrites this file whenever the target's sources change;
      // `swift package zygote-generate` writes it into the target for building without plugins.

      """
    let ordered = sections.sorted { ($0.fileIndex, $0.start) < ($1.fileIndex, $1.start) }
    let errors = self.errors.sorted { ($0.fileIndex, $0.start) < ($1.fileIndex, $1.start) }.map(\.text)
    if ordered.isEmpty {
      out += "\n// No function needs a generated pullback.\n"
      return GeneratedModule(source: out, generatedFunctions: [], errors: errors)
    }
    var imports = ["import Zygote"]
    for fileIndex in contributingFiles.sorted() {
      for line in index.imports[fileIndex] where !imports.contains(line) { imports.append(line) }
    }
    out += "\n" + imports.joined(separator: "\n") + "\n"
    for section in ordered {
      out += "\n// MARK: - \(section.title)\n\n\(section.text)\n"
    }
    if !runtimeRules.isEmpty {
      out += "\n// MARK: - Rules by name\n\n" + ModuleRuleTable.declaration(runtimeRules) + "\n"
    }
    let functions = generatedFunctions.sorted { ($0.fileIndex, $0.start) < ($1.fileIndex, $1.start) }.map(\.title)
    return GeneratedModule(source: out, generatedFunctions: functions, errors: errors)
  }

  /// Every non-empty line indented by two spaces (a multi-line string literal keeps its contents:
  /// its closing delimiter moves by as much as its lines).
  static func indented(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false)
      .map { $0.isEmpty ? "" : "  " + $0 }
      .joined(separator: "\n")
  }

  /// `text` as the contents of a string literal.
  static func escaped(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "\\": result += "\\\\"
      case "\"": result += "\\\""
      case "\n": result += "\\n"
      default: result.append(character)
      }
    }
    return result
  }
}

extension String {
  /// The text with the first occurrence of `target` replaced.
  func replacingFirst(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty, let range = firstRange(of: target) else { return self }
    var copy = self
    copy.replaceSubrange(range, with: replacement)
    return copy
  }
}
