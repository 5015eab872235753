/// One use of a Zygote macro found in a file by `MacroUseScanner`: an attribute on a declaration
/// (one use per role the attribute plays) or a freestanding expression.
///
/// `zygote-expand` hands each use to `MacroExpander` the way the compiler would: the source of the
/// declaration or expression, where it starts in the file, and the headers of the declarations
/// around it.
struct MacroUse: Equatable {
  /// What the compiler would ask the plugin for.
  enum Kind: Equatable {
    /// `@Differentiable`, `@Adjoint(of: f)`, `@DifferentiableStruct` on a declaration.
    /// `attribute` is the attribute as written, `role` is `peer`, `member` or `extension`, and
    /// `extendedType` is the type an `extension` role extends.
    case attached(attribute: String, role: String, extendedType: String?)
    /// `#gradient(...)` and the other expression macros.
    case freestanding
  }

  /// The macro's name without `@` or `#` and without a module qualifier (`Differentiable`, `gradient`).
  var macroName: String
  /// Attached or freestanding, with what the request needs besides the source.
  var kind: Kind
  /// The declaration, attributes included, or the whole expression, `#` included.
  var source: String
  /// Where `source` is in the file, in UTF-8 offsets.
  var range: SourceRange
  /// For an attached macro, the declaration's name (`f`, `S`, `+`, `init`).
  var declarationName: String?
  /// The enclosing declarations' headers with bodies removed, innermost first: `struct S {}`,
  /// `func outer(_ x: Double) -> Double ` (what the compiler sends as the lexical context).
  var lexicalContext: [String]
  /// The names of the enclosing declarations, innermost first (for `--function`).
  var enclosingNames: [String]

  /// Whether `--function name` selects this use: the declaration itself is called `name`, or the
  /// use sits inside a declaration called `name`.
  func belongs(to name: String) -> Bool {
    declarationName == name || enclosingNames.contains(name)
  }
}
