import ZygoteMacroHost

/// Messages as Swift 6.3.1 sent them for the file ``SampleMessages/file``.
///
/// Recorded by running `swiftc -typecheck -load-plugin-executable <logger>#ZygoteMacros z.swift`
/// with a throw-away plugin that logged every message it received (the long
/// `staticBuildConfiguration` member, which the plugin ignores, is left out).
enum SampleMessages {
  /// The user's file `z.swift`, byte for byte.
  static let file = """
    @freestanding(expression) macro gradient(_ x: Int) -> Int = #externalMacro(module: "ZygoteMacros", type: "GradientMacro")
    @attached(peer) macro Differentiable() = #externalMacro(module: "ZygoteMacros", type: "DifferentiableMacro")

    let a =
      // a comment before the macro
      #gradient(1)

    /// doc comment
    @Differentiable   // trailing
    func f(_ x: Double) -> Double { x * x }

    struct S {
      func h() -> Int { let é = "ü"; return /*x*/ #gradient(é.count) }
    }

    """

  /// `#gradient(1)` after a comment on its own line.
  static let freestandingAfterComment = #"""
    {"expandFreestandingMacro": {"discriminator": "$s1z0012zswift_DrJCafMX5_2_33_329F52BD63AA05C65A8785680F412C11Ll8gradientfMf_", "lexicalContext": [], "macro": {"moduleName": "ZygoteMacros", "name": "gradient", "typeName": "GradientMacro"}, "macroRole": "expression", "syntax": {"kind": "expression", "location": {"column": 8, "fileID": "z/z.swift", "fileName": "z.swift", "line": 4, "offset": 239}, "source": "\n  // a comment before the macro\n  #gradient(1)"}}}
    """#

  /// `@Differentiable` after a doc comment, with a trailing comment.
  static let attachedAfterDocComment = #"""
    {"expandAttachedMacro": {"attributeSyntax": {"kind": "attribute", "location": {"column": 15, "fileID": "z/z.swift", "fileName": "z.swift", "line": 6, "offset": 286}, "source": "\n\n/// doc comment\n@Differentiable   // trailing"}, "declSyntax": {"kind": "declaration", "location": {"column": 15, "fileID": "z/z.swift", "fileName": "z.swift", "line": 6, "offset": 286}, "source": "\n\n/// doc comment\n@Differentiable   // trailing\nfunc f(_ x: Double) -> Double { x * x }"}, "discriminator": "$s1z1f14DifferentiablefMp_", "lexicalContext": [], "macro": {"moduleName": "ZygoteMacros", "name": "Differentiable   // trailing", "typeName": "DifferentiableMacro"}, "macroRole": "peer"}}
    """#

  /// `#gradient(é.count)` inside a method, after `é` and `ü` (two bytes each) on the same line.
  static let freestandingInMethod = #"""
    {"expandFreestandingMacro": {"discriminator": "$s1z0012zswift_DrJCafMX12_48_8gradientfMf_", "lexicalContext": [{"kind": "declaration", "location": {"column": 0, "fileID": "", "fileName": "", "line": 0, "offset": 0}, "source": "\n  func h() -> Int "}, {"kind": "declaration", "location": {"column": 0, "fileID": "", "fileName": "", "line": 0, "offset": 0}, "source": "\n\nstruct S {}"}], "macro": {"moduleName": "ZygoteMacros", "name": "gradient", "typeName": "GradientMacro"}, "macroRole": "expression", "syntax": {"kind": "expression", "location": {"column": 49, "fileID": "z/z.swift", "fileName": "z.swift", "line": 13, "offset": 434}, "source": "#gradient(\u00e9.count) "}}}
    """#

  /// Every recorded request.
  static let all = [freestandingAfterComment, attachedAfterDocComment, freestandingInMethod]
}
