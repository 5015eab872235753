/// A run of tokens with every bracket linked to its partner, so that a scanner can step over a
/// parenthesised argument list or a whole body in one move.
///
/// The tokens of a file form one segment; the tokens of each string interpolation form another
/// (the lexer keeps a string literal, interpolations included, as one token). Offsets in a
/// segment's tokens are always offsets into the whole file.
struct TokenSegment {
  /// The tokens, ending with an `.endOfFile` token.
  let tokens: [Token]
  /// For each opening or closing bracket (`(` `[` `{` and their partners), the index of its
  /// partner; -1 for other tokens and for brackets that are never closed or never opened.
  let partners: [Int]

  /// Links the brackets of `tokens`, which must end with `.endOfFile`. A closing bracket that
  /// does not match the innermost open one closes the nearest open bracket of its own kind (the
  /// ones in between stay unclosed), or nothing if there is none: the scanner must cope with any
  /// text, not only with code that compiles.
  init(tokens: [Token]) {
    self.tokens = tokens
    var partners = [Int](repeating: -1, count: tokens.count)
    var open: [Int] = []
    for (index, token) in tokens.enumerated() {
      switch token.kind {
      case .leftParen, .leftBracket, .leftBrace:
        open.append(index)
      case .rightParen, .rightBracket, .rightBrace:
        let opener = Self.opener(of: token.kind)
        guard let position = open.lastIndex(where: { tokens[$0].kind == opener }) else { continue }
        partners[open[position]] = index
        partners[index] = open[position]
        open.removeSubrange(position...)
      default:
        continue
      }
    }
    self.partners = partners
  }

  /// Lexes `bytes[start..<end]` of a file and moves the tokens' ranges to file offsets.
  init(lexing bytes: ArraySlice<UInt8>) {
    let base = bytes.startIndex
    var tokens = Lexer.tokenize(String(decoding: bytes, as: UTF8.self)).tokens
    for index in tokens.indices {
      tokens[index].range = SourceRange(start: tokens[index].range.start + base, end: tokens[index].range.end + base)
    }
    self.init(tokens: tokens)
  }

  /// The token at `index`, or the final `.endOfFile` token past the end.
  subscript(index: Int) -> Token {
    tokens[min(max(index, 0), tokens.count - 1)]
  }

  /// The index of the last token before `.endOfFile` (0 when there is none).
  var lastTokenIndex: Int { max(tokens.count - 2, 0) }

  /// The partner of the bracket at `index`; for a bracket never closed, the last token.
  func closing(_ index: Int) -> Int {
    let partner = partners[index]
    return partner > index ? partner : lastTokenIndex
  }

  private static func opener(of kind: TokenKind) -> TokenKind {
    switch kind {
    case .rightParen: .leftParen
    case .rightBracket: .leftBracket
    default: .leftBrace
    }
  }
}
