/// Every function of a target that the build plugin could differentiate, and what already
/// provides a rule, found by scanning the target's files (the same token scanner `zygote-expand`
/// uses, so any file the compiler accepts can be read).
///
/// A rule is keyed by the callee's base name, as the transform writes the call: `helper(x, y: z)`
/// becomes `_vjp(helper: x, z)` and `m.predict(x)` becomes `m._vjpm(predict: x)`. So the index
/// answers "which declarations could a call named `helper` reach", and overload resolution among
/// the generated rules is left to the type checker, as for the macro's own rules.
struct FunctionIndex {
  /// A free function or a method.
  enum Kind: Hashable, Comparable {
    /// At file scope; its rule is `_vjp(name: ...)`.
    case global
    /// In a type or an extension; its rule is `_vjpm(name: ...)` in an extension of the type.
    case method
  }

  /// What a rule call names: the kind and base name of the callee.
  struct Key: Hashable, Comparable {
    var kind: Kind
    var name: String

    static func < (a: Key, b: Key) -> Bool { (a.kind, a.name) < (b.kind, b.name) }
  }

  /// A function with a body, at file scope or in a type, that has no rule yet.
  struct Candidate: Equatable {
    /// The callee key its rule answers.
    var key: Key
    /// The index of its file in the generator's input.
    var fileIndex: Int
    /// The declaration, attributes included, as the macro would receive it.
    var source: String
    /// Where `source` starts in its file.
    var start: Int
    /// The headers of the enclosing types, innermost first (the macro's lexical context).
    var lexicalContext: [String]
    /// For a method, the type its rule extends (`Model`, `Outer.Inner`).
    var extendedType: String?
    /// For a method in a constrained extension, its `where` clause (`where Element == Double`),
    /// which the generated extension repeats: the method's body relies on it.
    var extensionWhereClause: String?
    /// Why it cannot get a rule in a separate file (`private`), if it cannot.
    var inaccessibleBecause: String?
  }

  /// Functions that may receive a generated rule, in file order.
  var candidates: [Candidate] = []
  /// `candidates` by key, in file order (a target may have thousands of functions).
  var candidatesByKey: [Key: [Candidate]] = [:]
  /// Keys whose rules the user or the macro provide: `@Differentiable` functions are not listed
  /// here (their overloads without the attribute still need rules), but `@Adjoint(of:)` targets
  /// and hand-written or committed `_vjp`/`_vjpm` declarations are, for every overload.
  var providedKeys: Set<Key> = []
  /// The `import` lines of each file, as written.
  var imports: [[String]] = []
  /// Per file, every function with a body (nested and annotated ones too), for the names its
  /// scope binds (see `ShadowingCheck`).
  var functionExtents: [[(range: SourceRange, source: String)]] = []
  /// Per file, every type and extension, with the last component of its name (`Inner` for
  /// `extension Outer.Inner`).
  var typeExtents: [[(range: SourceRange, name: String)]] = []
  /// The names of the methods declared in each type (by the last component of its name), in any
  /// file, annotated or not.
  var methodNames: [String: Set<String>] = [:]
  /// The types each type or extension names after its colon (superclass, protocols), by the last
  /// component of their names: their methods are visible unqualified too.
  var inheritedTypes: [String: Set<String>] = [:]

  /// Indexes `files`.
  init(files: [String]) {
    for (fileIndex, text) in files.enumerated() {
      let scanner = MacroUseScanner(text: text)
      let declarations = scanner.declarations()
      let enclosing = declarations.filter { $0.body != nil && $0.keyword != "var" && $0.keyword != "let" }
      imports.append(ImportScan.importLines(of: text))
      functionExtents.append(
        declarations.filter { $0.keyword == "func" && $0.body != nil }.map { ($0.range, scanner.text($0.range)) })
      typeExtents.append(
        declarations.filter { $0.isType && $0.name != nil }.map { ($0.range, Self.lastComponent($0.name!)) })
      for declaration in declarations where declaration.isType {
        guard let name = declaration.name, let body = declaration.body else { continue }
        let header = scanner.text(SourceRange(start: declaration.range.start, end: body.start))
        inheritedTypes[Self.lastComponent(name), default: []].formUnion(Self.inheritanceList(of: header))
      }
      for declaration in declarations where declaration.keyword == "func" {
        guard let name = declaration.name else { continue }
        let context = scanner.lexicalContext(at: declaration.range.start, among: enclosing)
        if let type = context.declarations.first, type.isType, let typeName = type.name {
          methodNames[Self.lastComponent(typeName), default: []].insert(name)
        }
        // A function nested in a function (or in a closure) is invisible from another file.
        guard context.declarations.allSatisfy({ $0.isType && $0.keyword != "protocol" }) else { continue }
        let kind: Kind = context.declarations.isEmpty ? .global : .method
        let macros = declaration.attributes.compactMap { MacroUseScanner.macroName(ofAttribute: $0.name) }
        if macros.contains("Adjoint") {
          for attribute in declaration.attributes where MacroUseScanner.macroName(ofAttribute: attribute.name) == "Adjoint" {
            if let target = Self.adjointTarget(ofAttribute: attribute.text) { providedKeys.insert(Key(kind: .global, name: target)) }
          }
          continue
        }
        if name == RuleNames.function || name == RuleNames.method {
          // A missing-rule fallback is not a rule: it only turns a missing one into an error.
          if declaration.attributes.contains(where: { $0.name == "_disfavoredOverload" }) { continue }
          if let label = Self.firstLabel(scanner.text(declaration.range)) {
            providedKeys.insert(Key(kind: name == RuleNames.function ? .global : .method, name: label))
          }
          continue
        }
        guard !macros.contains("Differentiable"), declaration.body != nil, Self.isPlainIdentifier(name),
          !name.hasPrefix(RuleNames.localFunctionPrefix)
        else { continue }
        let source = scanner.text(declaration.range)
        let extendedType = kind == .method ? scanner.qualifiedTypeName(of: context.declarations[0], in: Array(context.declarations.dropFirst())) : nil
        let whereClause = context.declarations.first.flatMap { type -> String? in
          guard type.keyword == "extension", let body = type.body else { return nil }
          return Self.whereClause(ofHeader: scanner.text(SourceRange(start: type.range.start, end: body.start)))
        }
        candidates.append(
          Candidate(
            key: Key(kind: kind, name: name), fileIndex: fileIndex, source: source, start: declaration.range.start,
            lexicalContext: context.headers, extendedType: extendedType, extensionWhereClause: whereClause,
            // Headers only: tokenizing a whole type per method would cost its size squared.
            inaccessibleBecause: Self.inaccessibility(
              of: source, name: name,
              types: context.declarations.map { scanner.text(SourceRange(start: $0.range.start, end: $0.body?.start ?? $0.range.end)) })))
      }
    }
    for candidate in candidates { candidatesByKey[candidate.key, default: []].append(candidate) }
  }

  /// The names of the methods a body in type `type` can call unqualified: its own, and those of
  /// the types it inherits from or conforms to, transitively.
  func visibleMethods(of type: String) -> Set<String> {
    var names = Set<String>()
    var seen: Set<String> = [type]
    var pending = [type]
    while let next = pending.popLast() {
      names.formUnion(methodNames[next] ?? [])
      for inherited in inheritedTypes[next] ?? [] where seen.insert(inherited).inserted { pending.append(inherited) }
    }
    return names
  }

  /// The type names after the colon of a type's or extension's header (`class B: A, P where ...`),
  /// generic arguments included: an over-approximation, which can only refuse more.
  static func inheritanceList(of header: String) -> Set<String> {
    let tokens = Lexer.tokenize(header).tokens
    guard let keyword = tokens.firstIndex(where: { ["struct", "class", "enum", "extension", "protocol"].contains($0.text) || $0.isContextualKeyword("actor") }) else { return [] }
    var depth = 0
    var colon: Int?
    for index in (keyword + 1)..<tokens.count {
      let token = tokens[index]
      if token.text == "<" { depth += 1 } else if token.text == ">" { depth -= 1 }
      if token.kind == .colon && depth == 0 {
        colon = index
        break
      }
    }
    guard let colon else { return [] }
    var names = Set<String>()
    for token in tokens[(colon + 1)...] {
      if token.kind == .keyword && token.text == "where" { break }
      if token.kind == .identifier { names.insert(token.text) }
    }
    return names
  }

  /// `where Element == Double` for `extension Array: P where Element == Double `.
  static func whereClause(ofHeader header: String) -> String? {
    let tokens = Lexer.tokenize(header).tokens
    guard let clause = tokens.first(where: { $0.kind == .keyword && $0.text == "where" }) else { return nil }
    let bytes = Array(header.utf8)
    return String(decoding: bytes[min(clause.range.start, bytes.count)...], as: UTF8.self).trimmingSpaces
  }

  /// `Inner` for `Outer.Inner`.
  static func lastComponent(_ name: String) -> String {
    name.split(separator: ".").last.map(String.init) ?? name
  }

  /// Why a rule in another file could not call or extend the function: it, or a type around it,
  /// is `private` or `fileprivate`.
  static func inaccessibility(of source: String, name: String, types: [String]) -> String? {
    if let level = privateLevel(ofHeader: source) { return "'\(name)' is \(level)" }
    for type in types {
      if let level = privateLevel(ofHeader: type) { return "the type around '\(name)' is \(level)" }
    }
    return nil
  }

  /// `private` or `fileprivate` when the declaration's modifiers (before its keyword) say so.
  static func privateLevel(ofHeader source: String) -> String? {
    for token in Lexer.tokenize(source).tokens {
      if token.kind == .keyword && ["func", "struct", "class", "enum", "extension", "actor"].contains(token.text) { return nil }
      if token.isContextualKeyword("actor") { return nil }
      if token.text == "private" || token.text == "fileprivate" { return token.text }
    }
    return nil
  }

  /// The first argument label of a `_vjp(label name: ...)` declaration (attributes such as
  /// `@inline(__always)` and a generic clause may come before it).
  static func firstLabel(_ source: String) -> String? {
    let tokens = Lexer.tokenize(source).tokens
    guard let keyword = tokens.firstIndex(where: { $0.kind == .keyword && $0.text == "func" }),
      let open = tokens[keyword...].firstIndex(where: { $0.kind == .leftParen }), open + 1 < tokens.count
    else { return nil }
    let label = tokens[open + 1]
    guard label.kind == .identifier || label.kind == .keyword else { return nil }
    return label.text
  }

  /// `add` for `@Adjoint(of: add)`.
  static func adjointTarget(ofAttribute text: String) -> String? {
    guard let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close else { return nil }
    return AttachedExpansion.adjointTarget(String(text[text.index(after: open)..<close]))?.name
  }

  /// Whether `name` is an identifier (operators have rules of their own, `__add`, ...).
  static func isPlainIdentifier(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first else { return false }
    return first == "_" || first == "`" || first.properties.isAlphabetic
  }
}
