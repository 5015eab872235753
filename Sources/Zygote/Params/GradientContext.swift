// The gradient context: where the pullback of an implicit read (`_vjp(implicit: W)`) puts
// W's gradient. `_gradient(params:_:)` pushes a context tracking its parameters on a per-thread
// stack, runs the differentiated body and its pullback, and pops it. Per-thread (POSIX
// thread-specific data, no Foundation) so that two threads computing gradients at once never
// see each other's contexts; a stack so that a gradient computed inside another one's body
// collects only its own parameters.

/// One active implicit-parameter gradient: the tracked identities and the gradients so far.
@usableFromInline final class GradientContext {
  /// The parameters whose gradients are collected.
  @usableFromInline let params: Params
  /// The gradients collected so far.
  @usableFromInline var grads: Grads

  @usableFromInline init(params: Params) {
    self.params = params
    self.grads = Grads(params: params)
  }
}

/// A thread's stack of active contexts.
final class GradientContextStack {
  var contexts: [GradientContext] = []
}

/// Each thread's stack of contexts.
private let contextStacks = ThreadSpecific { GradientContextStack() }

extension GradientContext {
  /// This thread's stack, created on first use.
  static var threadStack: GradientContextStack { contextStacks.value }

  /// The innermost active context of this thread, if any.
  @usableFromInline static var current: GradientContext? { contextStacks.existingValue?.contexts.last }

  /// Runs `body` with a new context for `params` on top of this thread's stack, and returns
  /// what it returns together with the gradients the context collected.
  @usableFromInline static func withContext<R>(params: Params, _ body: () -> R) -> (R, Grads) {
    let context = GradientContext(params: params)
    let stack = threadStack
    stack.contexts.append(context)
    defer {
      let popped = stack.contexts.popLast()
      precondition(popped === context, "Zygote: gradient contexts popped out of order")
    }
    let result = body()
    return (result, context.grads)
  }

  /// Adds `gradient` to the gradient of the parameter `id` in the current context, if there is
  /// one and it tracks `id`.
  @usableFromInline static func accumulate<Scalar>(_ gradient: Tensor<Scalar>, for id: ParameterID) {
    guard let context = current, context.params.contains(id) else { return }
    context.grads.accumulate(AnyTensor(gradient), for: id)
  }
}
