// Build-side cost: how fast the transform expands a large corpus (driven in process, as the
// plugin drives it), and how long the plugin executable takes to start and answer.

import ZygoteTransform

/// What the build-side measurements found.
struct BuildCostResult {
  /// Functions in the corpus.
  var functions: Int
  /// Lines in the corpus.
  var lines: Int
  /// UTF-8 bytes of the corpus (the declarations handed to the transform).
  var bytes: Int
  /// Time to expand the whole corpus once.
  var expansion: Measurement
  /// Functions whose expansion produced source.
  var expanded: Int
  /// Functions whose expansion produced an error diagnostic and no source.
  var failed: Int
  /// Bytes of generated source.
  var generatedBytes: Int
  /// The first error diagnostic's message, if any.
  var firstError: String?
  /// The plugin executable that was timed, if one was found.
  var pluginPath: String?
  /// Start-up plus capability handshake, one entry per attempt, in seconds; empty if none answered.
  var pluginStartups: [Double]
  /// Why the plugin could not be timed, if it could not.
  var pluginProblem: String?

  /// Corpus megabytes (10^6 bytes) expanded per second.
  var megabytesPerSecond: Double { Double(bytes) / 1e6 / expansion.secondsPerCall }

  /// True when no function was expanded: the figure then times an error path (today: the
  /// "not implemented" stub), not the transform.
  var nothingExpanded: Bool { expanded == 0 }
}

/// Runs the build-side measurements.
func measureBuildCost(policy: TimingPolicy, pluginOverride: String?, log: (String) -> Void) -> BuildCostResult {
  let corpus = generateCorpus()
  let contexts = corpus.map {
    ExpansionContext(fileName: $0.context.fileName, line: $0.context.line, column: 1, discriminator: $0.context.discriminator)
  }
  let sources = corpus.map(\.source)
  var bytes = 0
  var lines = 0
  for source in sources {
    bytes += source.utf8.count
    lines += source.split(separator: "\n", omittingEmptySubsequences: false).count
  }

  // One pass first, to count what the transform produced.
  var expanded = 0
  var failed = 0
  var generatedBytes = 0
  var firstError: String?
  for (source, context) in zip(sources, contexts) {
    let result = expandDifferentiable(source, context)
    if let generated = result.expandedSource {
      expanded += 1
      generatedBytes += generated.utf8.count
    }
    if let error = result.diagnostics.first(where: { $0.severity == .error }) {
      if result.expandedSource == nil { failed += 1 }
      if firstError == nil { firstError = error.message }
    }
  }
  log("build cost: expanding the corpus (\(corpus.count) functions, \(bytes) bytes)")
  let expansion = measure(
    {
      var produced = 0
      for (source, context) in zip(sources, contexts) {
        let result = expandDifferentiable(source, context)
        produced += (result.expandedSource?.utf8.count ?? 0) + result.diagnostics.count
      }
      return Double(produced)
    }, policy: policy)

  var startups: [Double] = []
  var problem: String?
  let pluginPath = pluginOverride ?? findPluginExecutable()
  if let pluginPath {
    log("build cost: plugin handshake with \(pluginPath)")
    let attempts = policy.quick ? 1 : 11
    for _ in 0..<attempts {
      switch timeCapabilityHandshake(path: pluginPath) {
      case .answered(let seconds):
        startups.append(seconds)
      case .failed(let reason):
        problem = reason
      }
      if problem != nil { break }
    }
  } else {
    problem = "no ZygoteMacros-tool next to this executable or in .build/release or .build/debug"
  }
  return BuildCostResult(
    functions: corpus.count, lines: lines, bytes: bytes, expansion: expansion, expanded: expanded,
    failed: failed, generatedBytes: generatedBytes, firstError: firstError, pluginPath: pluginPath,
    pluginStartups: startups, pluginProblem: problem)
}

/// What the compiler asks the plugin for each `@Differentiable` function: its peer expansion and
/// its body expansion.
private func expandDifferentiable(_ source: String, _ context: ExpansionContext) -> ExpansionResult {
  let peer = MacroExpander.expandAttached(
    macroName: "Differentiable", role: "peer", attributeSource: "@Differentiable",
    declarationSource: source, extendedType: nil, context: context)
  let body = MacroExpander.expandAttached(
    macroName: "Differentiable", role: "body", attributeSource: "@Differentiable",
    declarationSource: source, extendedType: nil, context: context)
  guard let peerSource = peer.expandedSource, let bodySource = body.expandedSource else { return peer }
  return ExpansionResult(expandedSource: peerSource + "\n" + bodySource, diagnostics: peer.diagnostics + body.diagnostics)
}
