/// Finds the uses of Zygote's macros in a Swift file, with the lexer and bracket matching only.
///
/// The file may contain anything the compiler accepts (types, protocols, extensions, top-level
/// code) and more than the parser models, so the scanner does not parse it. It looks for:
///
/// - **Declarations**: a run of attributes and modifiers, then a declaration keyword (`func`,
///   `struct`, ...). A declaration extends to the brace that closes its body, or, without a body
///   (a protocol requirement, a stored property), to the end of its last line.
/// - **Attached uses**: `@Differentiable`, `@Adjoint(...)`, `@DifferentiableStruct` (also written
///   `@Zygote.Differentiable`) in such a run, at any nesting.
/// - **Freestanding uses**: `#gradient(...)`, `#derivative(...)`, `#valueWithGradient(...)`,
///   `#pullback(...)`, `#differentiable(...)` and their trailing closures, also inside string
///   interpolations.
///
/// For each use it records the headers of the declarations with bodies around it (bodies
/// removed), which is what the compiler sends as the lexical context.
struct MacroUseScanner {
  /// The attached macros and the roles the compiler expands each in, in expansion order.
  static let attachedMacros: [String: [String]] = [
    "Differentiable": ["peer"], "Adjoint": ["peer"], "DifferentiableStruct": ["member", "extension"],
  ]
  /// The freestanding expression macros, without `#`.
  static let freestandingMacros: Set<String> = [
    "gradient", "derivative", "valueWithGradient", "pullback", "differentiable", "hessian", "hessianVectorProduct",
    "jacobian", "pushforward",
  ]

  /// Words that may precede a declaration keyword.
  static let modifiers: Set<String> = [
    "public", "private", "fileprivate", "internal", "open", "package", "static", "class", "final", "override",
    "mutating", "nonmutating", "nonisolated", "isolated", "lazy", "weak", "unowned", "required", "convenience",
    "dynamic", "optional", "indirect", "consuming", "borrowing", "distributed", "prefix", "postfix", "infix",
  ]
  /// Declaration keywords whose declarations have a body that encloses other code.
  static let functionKeywords: Set<String> = ["func", "init", "deinit", "subscript"]
  /// Keywords of declarations whose body holds members (`struct S {}` in a lexical context).
  static let typeKeywords: Set<String> = ["struct", "class", "enum", "actor", "extension", "protocol"]
  /// Keywords of declarations the scanner only needs when one of our attributes is on them.
  static let variableKeywords: Set<String> = ["var", "let"]
  /// Words that, at the start of a line, end a declaration that has no body.
  static let declarationEnders: Set<String> = functionKeywords.union(typeKeywords).union(variableKeywords).union([
    "typealias", "case", "import", "if", "guard", "for", "while", "repeat", "return", "switch", "do", "defer",
    "throw", "break", "continue", "default", "associatedtype", "operator", "precedencegroup",
  ])
  /// How deeply string interpolations are searched for freestanding uses.
  static let maximumInterpolationDepth = 16

  /// An attribute written on a declaration.
  struct AttributeExtent: Equatable {
    /// The name as written, module qualifier included (`Zygote.Differentiable`).
    var name: String
    /// The attribute's text, `@` and arguments included.
    var text: String
    /// Where the attribute is.
    var range: SourceRange
  }

  /// A declaration found in the file.
  struct DeclarationExtent: Equatable {
    /// `func`, `init`, `struct`, `var`, ...
    var keyword: String
    /// The declared name (`f`, `+`, `init`, `S`, `Outer.Inner` for an extension), if any.
    var name: String?
    /// The attributes written before it.
    var attributes: [AttributeExtent]
    /// From the first attribute or modifier to the end of the body or last line.
    var range: SourceRange
    /// From `{` to `}` of the body, if it has one.
    var body: SourceRange?

    /// Whether the declaration is a type or an extension (its header in a lexical context ends in `{}`).
    var isType: Bool { MacroUseScanner.typeKeywords.contains(keyword) }
  }

  /// The file as UTF-8.
  let bytes: [UInt8]
  /// The file's tokens.
  let file: TokenSegment

  /// Lexes `text`.
  init(text: String) {
    bytes = Array(text.utf8)
    file = TokenSegment(lexing: bytes[...])
  }

  /// The macro uses of `text` in the order they appear (the roles of one attribute in the order
  /// the compiler expands them).
  static func scan(_ text: String) -> [MacroUse] {
    MacroUseScanner(text: text).uses()
  }

  /// The macro uses of the file in the order they appear.
  func uses() -> [MacroUse] {
    let declarations = declarations()
    let enclosing = declarations.filter { $0.body != nil && $0.keyword != "var" && $0.keyword != "let" }
    var uses: [MacroUse] = []
    for declaration in declarations {
      for attribute in declaration.attributes {
        guard let macro = Self.macroName(ofAttribute: attribute.name), let roles = Self.attachedMacros[macro] else { continue }
        let context = lexicalContext(at: declaration.range.start, among: enclosing)
        for role in roles {
          let extendedType = role == "extension" ? qualifiedTypeName(of: declaration, in: context.declarations) : nil
          uses.append(
            MacroUse(
              macroName: macro, kind: .attached(attribute: attribute.text, role: role, extendedType: extendedType),
              source: text(declaration.range), range: declaration.range, declarationName: declaration.name,
              lexicalContext: context.headers, enclosingNames: context.declarations.compactMap(\.name)))
        }
      }
    }
    for range in freestandingRanges(in: file, depth: 0) {
      let macro = String(decoding: bytes[(range.start + 1)...].prefix { Self.isIdentifierByte($0) }, as: UTF8.self)
      let context = lexicalContext(at: range.start, among: enclosing)
      uses.append(
        MacroUse(
          macroName: macro, kind: .freestanding, source: text(range), range: range, declarationName: nil,
          lexicalContext: context.headers, enclosingNames: context.declarations.compactMap(\.name)))
    }
    // A stable sort keeps the roles of one attribute, and the attributes of one declaration, in order.
    return uses.enumerated().sorted { ($0.element.range.start, $0.offset) < ($1.element.range.start, $1.offset) }
      .map(\.element)
  }

  /// `Differentiable` for `Differentiable` and `Zygote.Differentiable`; nil for other attributes.
  static func macroName(ofAttribute name: String) -> String? {
    let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    guard let last = parts.last, attachedMacros[last] != nil else { return nil }
    return parts.count == 1 || (parts.count == 2 && parts[0] == "Zygote") ? last : nil
  }

  // MARK: Declarations

  /// Every function, initializer, subscript and type declaration of the file, and every variable
  /// declaration that carries one of our attributes, in order of their start.
  func declarations() -> [DeclarationExtent] {
    var result: [DeclarationExtent] = []
    var index = 0
    while index < file.tokens.count - 1 {
      if let (declaration, keywordIndex) = declaration(startingAt: index) {
        result.append(declaration)
        // Go on after the keyword: declarations nested in this one's body come next.
        index = keywordIndex + 1
      } else {
        index += 1
      }
    }
    return result
  }

  /// The declaration whose attributes, modifiers or keyword start at `start`, if one does.
  ///
  ///     declaration = { attribute | modifier } keyword name ...
  ///     attribute   = "@" name { "." name } [ "(" ... ")" ]
  ///     modifier    = word [ "(" ... ")" ]
  func declaration(startingAt start: Int) -> (DeclarationExtent, keywordIndex: Int)? {
    // `x.init(...)`, `super.init()`: a member, not a declaration.
    if start > 0, file[start - 1].kind == .period { return nil }
    var attributes: [AttributeExtent] = []
    var index = start
    while true {
      let token = file[index]
      if token.kind == .atSign, file[index + 1].kind == .identifier, !file[index + 1].hasLeadingTrivia {
        var last = index + 1
        var name = file[last].text
        while file[last + 1].kind == .period, file[last + 2].kind == .identifier, !file[last + 1].hasLeadingTrivia,
          !file[last + 2].hasLeadingTrivia
        {
          name += "." + file[last + 2].text
          last += 2
        }
        if file[last + 1].kind == .leftParen, !file[last + 1].hasLeadingTrivia { last = file.closing(last + 1) }
        let range = SourceRange(start: token.range.start, end: file[last].range.end)
        attributes.append(AttributeExtent(name: name, text: text(range), range: range))
        index = last + 1
      } else if isModifier(at: index) {
        index += 1
        // `private(set)`, `unowned(unsafe)`, `nonisolated(unsafe)`.
        if file[index].kind == .leftParen, !file[index].hasLeadingTrivia, file[index + 2].kind == .rightParen,
          ["set", "safe", "unsafe"].contains(file[index + 1].text)
        {
          index += 3
        }
      } else {
        break
      }
    }
    let keyword = file[index]
    guard keyword.kind == .keyword || keyword.isContextualKeyword("actor") else { return nil }
    let word = keyword.kind == .keyword ? keyword.text : "actor"
    let hasOurAttribute = attributes.contains { Self.macroName(ofAttribute: $0.name) != nil }
    let name: String?
    switch word {
    case "func":
      let next = file[index + 1]
      guard next.kind == .identifier || next.kind == .keyword || next.isOperator else { return nil }
      name = next.text
    case "init", "deinit", "subscript":
      name = word
    case "struct", "class", "enum", "actor", "protocol":
      guard file[index + 1].kind == .identifier else { return nil }
      name = file[index + 1].text
    case "extension":
      guard file[index + 1].kind == .identifier else { return nil }
      var path = file[index + 1].text
      var last = index + 1
      while file[last + 1].kind == .period, file[last + 2].kind == .identifier {
        path += "." + file[last + 2].text
        last += 2
      }
      name = path
    case "var", "let":
      guard hasOurAttribute else { return nil }
      name = file[index + 1].kind == .identifier ? file[index + 1].text : nil
    default:
      guard hasOurAttribute else { return nil }
      name = nil
    }
    let (last, body) = extent(afterKeyword: index, isVariable: word == "var" || word == "let")
    let range = SourceRange(start: file[start].range.start, end: max(file[last].range.end, keyword.range.end))
    let bodyRange = body.map { SourceRange(start: file[$0.open].range.start, end: file[$0.close].range.end) }
    return (DeclarationExtent(keyword: word, name: name, attributes: attributes, range: range, body: bodyRange), index)
  }

  /// Whether the token at `index` is a declaration modifier (`class` only when a declaration
  /// keyword or another modifier follows it).
  func isModifier(at index: Int) -> Bool {
    let token = file[index]
    guard token.kind == .keyword || token.kind == .identifier, !token.isEscaped, Self.modifiers.contains(token.text) else {
      return false
    }
    if token.text == "class" {
      let next = file[index + 1]
      return (next.kind == .keyword || next.kind == .identifier) && !next.isEscaped
        && (Self.modifiers.contains(next.text) || Self.declarationEnders.contains(next.text))
    }
    return true
  }

  /// The last token of the declaration whose keyword is at `keywordIndex`, and its body's braces.
  ///
  /// A function or type ends with the `}` of its body. Without a body, the declaration ends before
  /// a closing bracket or `;` that belongs to the code around it, or before a line that starts
  /// another declaration or a statement. A variable's `{` (accessors, a closure) does not end it;
  /// a new line does, unless the line before ends with an operator, `=`, `,` or `:`, or the new
  /// one starts with `.`, an operator or `{`.
  func extent(afterKeyword keywordIndex: Int, isVariable: Bool) -> (last: Int, body: (open: Int, close: Int)?) {
    var last = keywordIndex
    var index = keywordIndex + 1
    while true {
      let token = file[index]
      switch token.kind {
      case .endOfFile, .rightParen, .rightBracket, .rightBrace, .semicolon:
        return (last, nil)
      default:
        break
      }
      if token.isAtStartOfLine && endsDeclaration(token, after: file[last], isVariable: isVariable) {
        return (last, nil)
      }
      switch token.kind {
      case .leftParen, .leftBracket:
        last = file.closing(index)
      case .leftBrace:
        let close = file.closing(index)
        if !isVariable { return (close, (index, close)) }
        last = close
      default:
        last = index
      }
      index = last + 1
    }
  }

  /// Whether `token`, first on its line, starts something after the declaration.
  func endsDeclaration(_ token: Token, after previous: Token, isVariable: Bool) -> Bool {
    if token.kind == .atSign || token.kind == .pound { return true }
    if (token.kind == .keyword || token.kind == .identifier) && !token.isEscaped
      && (Self.declarationEnders.contains(token.text) || Self.modifiers.contains(token.text))
    {
      return true
    }
    guard isVariable else { return false }
    let continues =
      previous.isOperator || previous.kind == .comma || previous.kind == .colon || previous.kind == .arrow
      || previous.kind == .period || token.kind == .period || token.kind == .binaryOperator
      || token.kind == .postfixOperator || token.kind == .leftBrace
    return !continues
  }

  /// The headers of the declarations whose bodies contain `offset`, innermost first, and those
  /// declarations.
  func lexicalContext(at offset: Int, among declarations: [DeclarationExtent]) -> (
    headers: [String], declarations: [DeclarationExtent]
  ) {
    let around = declarations.filter { declaration in
      guard let body = declaration.body else { return false }
      return body.start < offset && offset < body.end
    }.sorted { $0.body!.start > $1.body!.start }
    let headers = around.map { declaration in
      let header = text(SourceRange(start: declaration.range.start, end: declaration.body!.start))
      return declaration.isType ? header + "{}" : header
    }
    return (headers, around)
  }

  /// The name an extension of `declaration` names: the type's name qualified by the types
  /// around it (`Outer.Inner`), up to the first enclosing function.
  func qualifiedTypeName(of declaration: DeclarationExtent, in enclosing: [DeclarationExtent]) -> String? {
    guard let name = declaration.name else { return nil }
    var parts = [name]
    for outer in enclosing {
      guard outer.isType, outer.keyword != "protocol", let outerName = outer.name else { break }
      parts.insert(outerName, at: 0)
    }
    return parts.joined(separator: ".")
  }

  // MARK: Freestanding uses

  /// The ranges of the freestanding uses in `segment` and in the string interpolations inside
  /// it, in order.
  func freestandingRanges(in segment: TokenSegment, depth: Int) -> [SourceRange] {
    var ranges: [SourceRange] = []
    for (index, token) in segment.tokens.enumerated() {
      if token.kind == .pound, Self.freestandingMacros.contains(String(token.text.dropFirst())) {
        var last = index
        var next = index + 1
        if segment[next].kind == .leftParen, !segment[next].isAtStartOfLine {
          last = segment.closing(next)
          next = last + 1
        }
        // A trailing closure, then labelled ones (`label: { ... }`).
        if segment[next].kind == .leftBrace, !segment[next].isAtStartOfLine {
          last = segment.closing(next)
          next = last + 1
          while segment[next].kind == .identifier, segment[next + 1].kind == .colon,
            segment[next + 2].kind == .leftBrace
          {
            last = segment.closing(next + 2)
            next = last + 1
          }
        }
        ranges.append(SourceRange(start: token.range.start, end: segment[last].range.end))
      } else if token.kind == .stringLiteral, depth < Self.maximumInterpolationDepth {
        for interpolation in interpolations(in: token.range) {
          ranges += freestandingRanges(in: interpolation, depth: depth + 1)
        }
      }
    }
    return ranges
  }

  /// The tokens of each interpolation `\(...)` of the string literal at `range`.
  ///
  ///     string        = { "#" } quotes { character | escape | interpolation } quotes { "#" }
  ///     escape        = "\" { "#" } character      (as many "#" as the delimiter has)
  ///     interpolation = "\" { "#" } "(" tokens ")"
  func interpolations(in range: SourceRange) -> [TokenSegment] {
    let end = min(range.end, bytes.count)
    var position = range.start
    // Only a string that has both a backslash and a `#` after its delimiter can hide a use.
    var hashes = 0
    while position < end, bytes[position] == UInt8(ascii: "#") {
      hashes += 1
      position += 1
    }
    let content = bytes[min(position, end)..<end]
    guard content.contains(UInt8(ascii: "\\")), content.contains(UInt8(ascii: "#")) else { return [] }
    while position < end, bytes[position] == UInt8(ascii: "\"") { position += 1 }
    var segments: [TokenSegment] = []
    while position < end {
      guard bytes[position] == UInt8(ascii: "\\") else {
        position += 1
        continue
      }
      var after = position + 1
      var count = 0
      while count < hashes, after < end, bytes[after] == UInt8(ascii: "#") {
        count += 1
        after += 1
      }
      guard count == hashes else {
        position += 1
        continue
      }
      guard after < end, bytes[after] == UInt8(ascii: "(") else {
        // An escape: skip the escaped character too.
        position = after + 1
        continue
      }
      let rest = TokenSegment(lexing: bytes[(after + 1)..<end])
      var depth = 1
      var close = rest.tokens.count - 1
      for (index, token) in rest.tokens.enumerated() {
        if token.kind == .leftParen { depth += 1 }
        if token.kind == .rightParen { depth -= 1 }
        if depth == 0 {
          close = index
          break
        }
      }
      segments.append(TokenSegment(tokens: Array(rest.tokens[..<close]) + [rest[rest.tokens.count - 1]]))
      position = max(rest[close].range.end, after + 1)
    }
    return segments
  }

  // MARK: Text

  /// The text of `range`.
  func text(_ range: SourceRange) -> String {
    let start = min(max(range.start, 0), bytes.count)
    return String(decoding: bytes[start..<min(max(range.end, start), bytes.count)], as: UTF8.self)
  }

  /// Whether `byte` can be part of an ASCII identifier.
  static func isIdentifierByte(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
      || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
  }
}
