// Closure literals handed to `#gradient`, `#pullback`, `#differentiable` and
// `#gradient(Params(...)) { ... }` are differentiated inline, in the expansion itself: the
// closure is applied to the points at once, and the body computes the value, seeds it and runs
// the backward pass in one go, with no pullback closure at all where the seed is known.

/// What the generated closure returns.
enum ClosureResultShape {
  /// The gradient (one per argument, a tuple for several): `#gradient`, `#derivative`.
  case gradient
  /// `(value:, gradient:)`: `#valueWithGradient`.
  case valueWithGradient
  /// `(value:, pullback:)`: `#pullback`, `#differentiable`.
  case pullback
  /// `(value:, pullback:)` whose pullback returns nothing: implicit parameters.
  case implicitParameters
}

enum ClosureDifferentiation {
  /// How many arguments a closure takes: its named parameters, or one more than the highest
  /// `$n` its body reads.
  static func argumentCount(of closure: ClosureExpression) -> Int {
    if !closure.parameters.isEmpty { return closure.parameters.count }
    var read = Set<String>()
    for statement in closure.body { statement.collectNamesRead(into: &read) }
    return (read.compactMap { $0.hasPrefix("$") ? Int($0.dropFirst()) : nil }.max() ?? -1) + 1
  }

  /// A closure literal that computes `shape` of `closure` at the arguments it is applied to.
  ///
  /// - Parameter argumentCount: how many points the closure is applied to.
  ///
  /// - Parameter capturedGradients: variables of an enclosing differentiated body that the
  ///   closure captures, each with the `_GradientBox` its pullback adds the variable's gradient to.
  static func differentiate(
    _ closure: ClosureExpression, argumentCount: Int, shape: ClosureResultShape, lineTable: LineTable,
    capturedGradients: [(name: String, box: String)] = [], recordsCalls: Bool = false
  ) -> GeneratedSource {
    if shape == .gradient || shape == .valueWithGradient, let resultType = closure.resultType {
      switch resultType {
      case .array, .tuple, .dictionary, .optional, .implicitlyUnwrappedOptional:
        return GeneratedSource(source: nil, diagnostics: [
          .error("a gradient needs a closure with a scalar result, not '\(resultType.swiftSource)'; use #pullback with a seed, or #jacobian", at: closure.range)
        ])
      default:
        break
      }
    }
    var parameterNames = closure.parameters.map(\.name)
    let usesAnonymous = parameterNames.isEmpty && argumentCount > 0
    if usesAnonymous { parameterNames = (0..<argumentCount).map { "$\($0)" } }
    if parameterNames.count != argumentCount {
      return GeneratedSource(source: nil, diagnostics: [
        .error("the closure takes \(parameterNames.count) argument(s) but \(argumentCount) point(s) were given after 'at:'", at: closure.range)
      ])
    }
    let capturedNames = capturedGradients.map(\.name)
    var statements = Desugaring.desugar(FunctionRuleGenerator.implicitReturn(closure.body), parameters: parameterNames + capturedNames)
    if let resultType = closure.resultType?.swiftSource {
      statements = LoopReturnRewriting.rewrite(statements, resultType: resultType)
    }
    let body = ExitRestructuring.restructure(statements, scope: .function)
    let mode = ImplicitParameterMode(callsAreActive: shape == .implicitParameters, recordsCalls: recordsCalls)
    let differentiator = Differentiator(
      parameters: parameterNames + capturedNames, body: body,
      localFunctionRules: FunctionRuleGenerator.nestedDifferentiableFunctions(in: body),
      implicitParameters: mode, lineTable: lineTable)
    for parameter in closure.parameters {
      if let type = parameter.type { differentiator.noteTupleLabels(ofParameter: parameter.name, type: type) }
    }
    let resultType = closure.resultType?.swiftSource
    let block = differentiator.differentiate(body, returns: .define(name: "_ad_result", type: resultType, seed: "_ad_seed"))
    if !differentiator.diagnostics.isEmpty {
      return GeneratedSource(source: nil, diagnostics: differentiator.diagnostics)
    }

    var backward = Code()
    backward.add(FunctionRuleGenerator.accumulatorDeclarations(for: parameterNames + capturedNames, differentiator: differentiator, backward: block.backward))
    backward.add(block.accumulators)
    backward.add(block.backward)
    for (name, box) in capturedGradients { backward.add("_accumulate(&\(box).gradient, \(differentiator.adjointName(name)))") }
    let gradients = parameterNames.map(differentiator.adjointName)
    let gradientText = gradients.count == 1 ? gradients[0] : "(\(gradients.joined(separator: ", ")))"

    var code = block.forward
    switch shape {
    case .gradient, .valueWithGradient:
      code.add("let _ad_seed = _unitSeed(like: _ad_result)")
      code.add(backward)
      code.add(shape == .gradient ? "return \(gradientText)" : "return (value: _ad_result, gradient: \(gradientText))")
    case .pullback:
      backward.add("return \(gradientText)")
      code.addBlock("return (value: _ad_result, pullback: _pullbackClosure(like: _ad_result) { _ad_seed in", backward, closing: "})")
    case .implicitParameters:
      code.addBlock("return (value: _ad_result, pullback: _pullbackClosure(like: _ad_result) { _ad_seed in", backward, closing: "})")
    }
    if usesAnonymous && shape == .pullback {
      // `$0` cannot be read inside the nested pullback closure: name the arguments first.
      var named = Code()
      for index in 0..<argumentCount { named.add("let _ad_arg\(index) = $\(index)") }
      let renamed = code.render().replacingAnonymousArguments(count: argumentCount)
      named.add(renamed)
      code = named
    }
    var header = "{"
    if !closure.parameters.isEmpty {
      let list = closure.parameters.map { parameter in
        parameter.type.map { "\(parameter.name): \($0.swiftSource)" } ?? parameter.name
      }.joined(separator: ", ")
      header += closure.parametersParenthesized || closure.parameters.contains(where: { $0.type != nil }) ? " (\(list)) in" : " \(list) in"
    } else if argumentCount == 0 {
      header += " () in"
    }
    var result = Code()
    result.addBlock(header, code, closing: "}")
    return GeneratedSource(source: result.render(), diagnostics: [])
  }
}

extension String {
  /// The text with `$0`, `$1`, ... replaced by `_ad_arg0`, `_ad_arg1`, ...
  func replacingAnonymousArguments(count: Int) -> String {
    var result = ""
    var index = startIndex
    while index < endIndex {
      let character = self[index]
      let next = self.index(after: index)
      if character == "$", next < endIndex, let digit = self[next].wholeNumberValue, digit < count {
        result += "_ad_arg\(digit)"
        index = self.index(after: next)
      } else {
        result.append(character)
        index = next
      }
    }
    return result
  }
}
