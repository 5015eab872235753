// Activity is decided from syntax: a variable is active when some assignment to it reads an
// active variable; the differentiated parameters are active to begin with. The analysis is
// flow-insensitive (a name active anywhere is active everywhere), which can only make more code
// active than necessary, never less: extra rule calls cost time, never correctness.

struct ActivityAnalysis {
  /// Names that carry a derivative: from the differentiated parameters, or from free variables
  /// (which may be implicit parameters).
  private(set) var activeNames: Set<String>
  /// Names that carry a derivative from the differentiated parameters alone: array indices,
  /// loop sequences and conditions must not depend on these.
  private(set) var strictlyActiveNames: Set<String> = []
  private(set) var mutableNames: Set<String> = []
  private(set) var boundNames: Set<String>

  init(parameters: [String], body: [Statement], isFreeVariable: (String) -> Bool = { _ in false }) {
    activeNames = Set(parameters)
    boundNames = Set(parameters)
    var flows: [(targets: [String], sources: Set<String>)] = []
    var calleeFlows: [(targets: [String], sources: Set<String>)] = []
    for statement in body {
      statement.forEachStatement { inner in
        switch inner {
        case .variable(let declaration):
          for binding in declaration.bindings {
            let names = binding.pattern.boundNames
            boundNames.formUnion(names)
            if declaration.isVariable { mutableNames.formUnion(names) }
            if let initializer = binding.initializer {
              flows.append((names, initializer.differentiableNamesRead))
              calleeFlows.append((names, initializer.calleeNames))
            }
          }
        case .assignment(let target, _, let value, _):
          if let base = target.baseVariable {
            flows.append(([base], value.differentiableNamesRead))
            calleeFlows.append(([base], value.calleeNames))
          }
        case .forIn(_, let pattern, let sequence, _, _, _):
          boundNames.formUnion(pattern.boundNames)
          if case .call(.member(let base, "enumerated", _), _, _, _) = sequence,
            case .tuple(let elements, _) = pattern, elements.count == 2
          {
            // `for (i, x) in xs.enumerated()`: only the element carries a derivative.
            flows.append((elements[1].pattern.boundNames, base.differentiableNamesRead))
          } else {
            flows.append((pattern.boundNames, sequence.differentiableNamesRead))
          }
        case .expression(.call(.member(let base, let method, _), let arguments, _, _)) where Statement.mutatingMethods.contains(method):
          if let variable = base.baseVariable {
            flows.append(([variable], arguments.reduce(into: Set<String>()) { $0.formUnion($1.value.differentiableNamesRead) }))
          }
        case .if(let statement):
          for condition in statement.allConditions { bindFlow(condition, into: &flows) }
        case .guard(let conditions, _, _), .while(_, let conditions, _, _):
          for condition in conditions { bindFlow(condition, into: &flows) }
        case .switch(_, let subject, let cases, _):
          for switchCase in cases {
            boundNames.formUnion(switchCase.boundNames)
            flows.append((switchCase.boundNames, subject.namesRead))
          }
        case .function(let function):
          boundNames.insert(function.name)
        default:
          break
        }
      }
    }
    // A called name is a source only when it is a variable of the body (a value with a
    // `callAsFunction`), never as a free name: functions are free names too.
    for flow in calleeFlows { flows.append((flow.targets, flow.sources.intersection(boundNames))) }
    // Propagate to a fixed point; each pass adds at least one name or stops.
    func propagate(from seeds: Set<String>, throughFreeVariables: Bool) -> Set<String> {
      var active = seeds
      var changed = true
      while changed {
        changed = false
        for flow in flows where !flow.sources.isDisjoint(with: active) || (throughFreeVariables && flow.sources.contains(where: isFreeVariable)) {
          for name in flow.targets where !active.contains(name) {
            active.insert(name)
            changed = true
          }
        }
      }
      return active
    }
    strictlyActiveNames = propagate(from: activeNames, throughFreeVariables: false)
    activeNames = propagate(from: activeNames, throughFreeVariables: true)
  }

  private mutating func bindFlow(_ condition: Condition, into flows: inout [(targets: [String], sources: Set<String>)]) {
    let names = condition.boundNames
    guard !names.isEmpty else { return }
    boundNames.formUnion(names)
    var sources = Set<String>()
    condition.collectNamesRead(into: &sources)
    flows.append((names, sources))
  }
}
