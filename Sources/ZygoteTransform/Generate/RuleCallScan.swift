/// Finds the rule calls in code the transform generated, to learn which functions a
/// differentiated body calls.
///
/// The transform turns every differentiated call into a rule call that starts with the callee's
/// base name as its first label: `_vjp(helper: x)` for `helper(x)`, `m._vjpm(predict: x)` for
/// `m.predict(x)`. Reading these back from the generated text sees exactly the calls the
/// transform made differentiated (inactive calls stay as written and need no rule), in
/// `@Differentiable` bodies, in `#gradient` closures and in `#gradient(f, at: x)` alike.
/// Declarations do not match: a rule's own signature reads `_vjp(helper x: Double)` (a label,
/// a space, a name), and fallbacks read `_vjp<A, each B>(helper _: A)`.
enum RuleCallScan {
  /// The keys of the rule calls in `code`, in order of first appearance.
  static func callees(in code: String) -> [FunctionIndex.Key] {
    let bytes = Array(code.utf8)
    var keys: [FunctionIndex.Key] = []
    var seen = Set<FunctionIndex.Key>()
    let global = Array((RuleNames.function + "(").utf8)
    let method = Array((RuleNames.method + "(").utf8)
    var index = 0
    while index < bytes.count {
      // A rule name starts a word: not `x_vjp(` nor `_vjp_f(`.
      guard bytes[index] == UInt8(ascii: "_"), index == 0 || !MacroUseScanner.isIdentifierByte(bytes[index - 1]) else {
        index += 1
        continue
      }
      let kind: FunctionIndex.Kind
      let afterName: Int
      if matches(bytes, at: index, global) {
        kind = .global
        afterName = index + global.count
      } else if matches(bytes, at: index, method), index > 0, bytes[index - 1] == UInt8(ascii: ".") {
        kind = .method
        afterName = index + method.count
      } else {
        index += 1
        continue
      }
      var end = afterName
      while end < bytes.count, MacroUseScanner.isIdentifierByte(bytes[end]) { end += 1 }
      if end > afterName, end < bytes.count, bytes[end] == UInt8(ascii: ":") {
        var name = String(decoding: bytes[afterName..<end], as: UTF8.self)
        if kind == .global && name == "recording" {
          // `_vjp(recording: f, x, named: "f", ...)`: a rule found at run time, for `f`.
          var start = end + 1
          while start < bytes.count, bytes[start] == UInt8(ascii: " ") { start += 1 }
          var stop = start
          while stop < bytes.count, MacroUseScanner.isIdentifierByte(bytes[stop]) { stop += 1 }
          guard stop > start else {
            index = end
            continue
          }
          name = String(decoding: bytes[start..<stop], as: UTF8.self)
        }
        let key = FunctionIndex.Key(kind: kind, name: name)
        if seen.insert(key).inserted { keys.append(key) }
      }
      index = end
    }
    return keys
  }

  private static func matches(_ bytes: [UInt8], at index: Int, _ pattern: [UInt8]) -> Bool {
    guard index + pattern.count <= bytes.count else { return false }
    for offset in pattern.indices where bytes[index + offset] != pattern[offset] { return false }
    return true
  }
}
