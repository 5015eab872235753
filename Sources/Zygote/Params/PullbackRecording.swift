// Rules found at run time, for the one place where a rule cannot be named: a
// `#gradient(Params(...)) { ... }` closure inside a function, which may call a `@Differentiable`
// function nested in the same function (api.md section 8, the Swift 6 form). A macro sees only
// its own syntax, and a name that a peer macro adds next to a nested function is invisible to
// unqualified lookup (measured on Swift 6.3.1), so the closure cannot call the nested
// function's rule by name. Instead:
//
//   - the closure's expansion calls `_vjp(recording: predict, x, named: "predict")`, which leaves
//     a pending recorder for `predict` on this thread and calls `predict(x)`;
//   - `@Differentiable` also rewrites the body of `predict` (a body macro): a prologue takes a
//     recorder pending for its own name, runs its rule instead of the plain body, and leaves
//     the pullback in the recorder;
//   - `_vjp(recording:)` returns the value and that pullback, cast to the type the call needs.
//
// The name check keeps a function without `@Differentiable` (which has no prologue) from letting
// another function's prologue answer for it: its recorder stays pending, and the call stops with
// a message naming it. Per thread (POSIX thread-specific data), like the gradient context.

#if canImport(Synchronization) && !canImport(Darwin)
  import Synchronization

  /// How many recording calls are waiting, in the whole process. Every call of a global or nested
  /// `@Differentiable` function runs the prologue, so its common answer, "nothing is waiting",
  /// costs one relaxed load instead of a thread-specific lookup. (On Darwin `Atomic` needs
  /// macOS 15, so there the prologue always looks up its thread's slot.)
  @usableFromInline let _pendingRecordingCount = Atomic<Int>(0)
#endif

/// Where a `@Differentiable` function leaves its pullback for a call that could not name its
/// rule (see `_vjp(recording:_:named:)`).
public final class _PullbackRecorder {
  /// The function whose pullback this recorder waits for.
  public let callee: StaticString
  /// The pullback, once the function's prologue has run its rule.
  public var pullback: Any?

  /// A recorder waiting for `callee`.
  @inlinable public init(callee: StaticString) {
    self.callee = callee
  }
}

/// This thread's pending recorder (at most one: a recording call restores the previous one).
final class PendingRecorderSlot {
  var recorder: _PullbackRecorder?
}

/// Each thread's slot.
private let pendingRecorderSlots = ThreadSpecific { PendingRecorderSlot() }

/// The recorder pending for `name` on this thread, taken (so that the calls the function makes
/// do not see it); nil when no recording call is waiting for this function. The prologue that
/// `@Differentiable` puts at the top of a function's body calls this once per call.
@inlinable @inline(__always)
public func _takePullbackRecorder(for name: StaticString) -> _PullbackRecorder? {
  #if canImport(Synchronization) && !canImport(Darwin)
    if _pendingRecordingCount.load(ordering: .relaxed) == 0 { return nil }
  #endif
  return _takePendingRecorder(for: name)
}

/// The slow half of `_takePullbackRecorder(for:)`: this thread's slot.
@usableFromInline func _takePendingRecorder(for name: StaticString) -> _PullbackRecorder? {
  guard let slot = pendingRecorderSlots.existingValue, let recorder = slot.recorder, _sameName(recorder.callee, name) else {
    return nil
  }
  slot.recorder = nil
  return recorder
}

/// Whether two static strings spell the same name.
@usableFromInline func _sameName(_ a: StaticString, _ b: StaticString) -> Bool {
  a.withUTF8Buffer { x in b.withUTF8Buffer { y in x.elementsEqual(y) } }
}

/// Rules that a module's build-plugin output offers to recording calls, by name, for functions
/// without `@Differentiable` (which have no prologue). This one offers none; the file that
/// ZygotePlugin generates declares a type of the same name in the user's module, which shadows
/// this one there, listing the rules it generated.
public enum _ZygoteModuleRules {
  /// The rules of the functions called `name`, type-erased (one per overload); none here.
  public static func rules(named name: String) -> [Any] { [] }
}

/// Calls `call` with a recorder pending for `name`, and returns its value and the pullback the
/// function recorded, if it did.
@usableFromInline func _recordingCall<R>(named name: StaticString, _ call: () -> R) -> (value: R, pullback: Any?) {
  let slot = pendingRecorderSlots.value
  let recorder = _PullbackRecorder(callee: name)
  let previous = slot.recorder
  slot.recorder = recorder
  #if canImport(Synchronization) && !canImport(Darwin)
    _pendingRecordingCount.add(1, ordering: .relaxed)
    defer { _pendingRecordingCount.subtract(1, ordering: .relaxed) }
  #endif
  let value = call()
  slot.recorder = previous
  return (value, recorder.pullback)
}

/// The rule of a call that could not name it: the pullback the function recorded, or else a
/// rule of that name from the module's build-plugin output, as the type the calling code needs.
@usableFromInline func _recordedRule<R, P>(
  _ recorded: (value: R, pullback: Any?), named name: StaticString, rules: [Any], rerun: (Any) -> (value: R, pullback: P)?
) -> (value: R, pullback: P) {
  if let pullback = recorded.pullback {
    guard let typed = pullback as? P else {
      fatalError(
        "Zygote: the rule of '\(name)' has the pullback type \(type(of: pullback)), not \(P.self): its parameters must be values (no inout or function parameters), and the call must pass every argument (no default values), for a call in a #gradient(Params(...)) closure inside a function or in a nested @Differentiable function")
    }
    return (recorded.value, typed)
  }
  for rule in rules {
    if let result = rerun(rule) { return result }
  }
  fatalError(
    "Zygote: '\(name)' has no derivative: it was called in a #gradient(Params(...)) closure inside a function or in a nested @Differentiable function, where rules are found when the code runs; mark it @Differentiable (or wrap the call in dropgrad(_:))")
}

/// The rule of a one-argument function found at run time: calls `function(a)` so that its
/// `@Differentiable` prologue records its pullback (see the top of this file), or else uses a
/// rule of that name among `rules` (the build plugin's).
public func _vjp<A: Differentiable, R: Differentiable>(
  recording function: (A) -> R, _ a: A, named name: StaticString, rules: (String) -> [Any] = _ZygoteModuleRules.rules(named:)
) -> (value: R, pullback: (R.Tangent) -> A.Tangent) {
  _recordedRule(_recordingCall(named: name) { function(a) }, named: name, rules: rules("\(name)")) { rule in
    (rule as? (A) -> (value: R, pullback: (R.Tangent) -> A.Tangent)).map { $0(a) }
  }
}

/// The rule of a two-argument function found at run time.
public func _vjp<A: Differentiable, B: Differentiable, R: Differentiable>(
  recording function: (A, B) -> R, _ a: A, _ b: B, named name: StaticString,
  rules: (String) -> [Any] = _ZygoteModuleRules.rules(named:)
) -> (value: R, pullback: (R.Tangent) -> (A.Tangent, B.Tangent)) {
  _recordedRule(_recordingCall(named: name) { function(a, b) }, named: name, rules: rules("\(name)")) { rule in
    (rule as? (A, B) -> (value: R, pullback: (R.Tangent) -> (A.Tangent, B.Tangent))).map { $0(a, b) }
  }
}

/// The rule of a three-argument function found at run time.
public func _vjp<A: Differentiable, B: Differentiable, C: Differentiable, R: Differentiable>(
  recording function: (A, B, C) -> R, _ a: A, _ b: B, _ c: C, named name: StaticString,
  rules: (String) -> [Any] = _ZygoteModuleRules.rules(named:)
) -> (value: R, pullback: (R.Tangent) -> (A.Tangent, B.Tangent, C.Tangent)) {
  _recordedRule(_recordingCall(named: name) { function(a, b, c) }, named: name, rules: rules("\(name)")) { rule in
    (rule as? (A, B, C) -> (value: R, pullback: (R.Tangent) -> (A.Tangent, B.Tangent, C.Tangent))).map { $0(a, b, c) }
  }
}

/// The rule of a four-argument function found at run time.
public func _vjp<A: Differentiable, B: Differentiable, C: Differentiable, D: Differentiable, R: Differentiable>(
  recording function: (A, B, C, D) -> R, _ a: A, _ b: B, _ c: C, _ d: D, named name: StaticString,
  rules: (String) -> [Any] = _ZygoteModuleRules.rules(named:)
) -> (value: R, pullback: (R.Tangent) -> (A.Tangent, B.Tangent, C.Tangent, D.Tangent)) {
  _recordedRule(_recordingCall(named: name) { function(a, b, c, d) }, named: name, rules: rules("\(name)")) { rule in
    (rule as? (A, B, C, D) -> (value: R, pullback: (R.Tangent) -> (A.Tangent, B.Tangent, C.Tangent, D.Tangent))).map {
      $0(a, b, c, d)
    }
  }
}
