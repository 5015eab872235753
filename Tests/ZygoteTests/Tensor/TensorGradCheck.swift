// Gradient checks for tensor rules, in the style of JAX's `check_vjp`: along a seeded random
// direction t and a seeded random cotangent u, the pullback must satisfy the dot-product
// identity
//
//     ⟨u, J·t⟩ = ⟨Jᵀ·u, t⟩
//
// where J·t is measured by central finite differences, (f(x + h t) − f(x − h t)) / 2h.
// Each input is checked on its own (only that input is perturbed), so a failure names the
// argument whose gradient is wrong.

import XCTest
import Zygote

/// Step and tolerances of a tensor gradient check, by scalar type.
struct TensorGradCheckTolerance {
  /// The finite-difference step h.
  var step: Double
  /// Allowed relative difference between the two sides of the identity.
  var relative: Double
  /// Allowed absolute difference (for sides near zero).
  var absolute: Double

  /// Double: h = 1e-5 (truncation error O(h²) ≈ 1e-10, rounding ≈ ε/h ≈ 1e-11); tolerance 1e-6.
  /// Float: h = 1e-2 (ε ≈ 1.2e-7 makes smaller steps noisy); tolerance 2e-2.
  static func `default`<S: TensorScalar>(for type: S.Type) -> TensorGradCheckTolerance {
    if S.self == Double.self { return TensorGradCheckTolerance(step: 1e-5, relative: 1e-6, absolute: 1e-8) }
    return TensorGradCheckTolerance(step: 1e-2, relative: 2e-2, absolute: 2e-3)
  }
}

/// A seeded random tensor of `shape` with scalars uniform in `range` (a rule's domain).
func tensorRandom<S: TensorScalar>(
  _ shape: [Int], in range: Range<Double> = -1..<1, seed: UInt64, as type: S.Type = S.self
) -> Tensor<S> {
  var generator = SeededRandomGenerator(seed: seed)
  return Tensor<S>(shape: shape, scalars: (0..<shape.reduce(1, *)).map { _ in S(Double.random(in: range, using: &generator)) })
}

/// `Σ_i a_i b_i` in Double.
func tensorDot<S: TensorScalar>(_ a: Tensor<S>, _ b: Tensor<S>) -> Double {
  precondition(a.shape == b.shape, "tensorDot: shapes \(a.shape) and \(b.shape) differ")
  return zip(a.scalars, b.scalars).reduce(0) { $0 + Double($1.0) * Double($1.1) }
}

/// Checks a rule against its primal function with the dot-product identity, once per input.
///
/// - Parameters:
///   - name: names the rule in failure messages.
///   - inputs: the point, drawn from the rule's domain.
///   - function: the primal function of all inputs (scalars wrapped as rank-0 tensors).
///   - rule: the rule under test: the value and a pullback giving one gradient per input.
func tensorCheckVJP<S: TensorScalar>(
  _ name: String,
  at inputs: [Tensor<S>],
  function: ([Tensor<S>]) -> Tensor<S>,
  rule: ([Tensor<S>]) -> (value: Tensor<S>, pullback: (Tensor<S>) -> [Tensor<S>]),
  tolerance: TensorGradCheckTolerance = .default(for: S.self),
  seed: UInt64 = 1,
  file: StaticString = #filePath, line: UInt = #line
) {
  let (value, pullback) = rule(inputs)
  let expected = function(inputs)
  XCTAssertEqual(value.shape, expected.shape, "\(name): value shape", file: file, line: line)
  for (a, b) in zip(value.scalars, expected.scalars) where !(a == b || (a.isNaN && b.isNaN)) {
    XCTFail("\(name): value \(value) differs from the primal \(expected)", file: file, line: line)
    break
  }
  let cotangent: Tensor<S> = tensorRandom(value.shape, seed: seed &* 7919 &+ 17)
  let gradients = pullback(cotangent)
  XCTAssertEqual(gradients.count, inputs.count, "\(name): one gradient per input", file: file, line: line)
  for (i, input) in inputs.enumerated() where i < gradients.count {
    XCTAssertEqual(
      gradients[i].shape, input.shape, "\(name): gradient \(i) has the operand's shape", file: file, line: line)
    guard gradients[i].shape == input.shape else { continue }
    let direction: Tensor<S> = tensorRandom(input.shape, seed: seed &* 31 &+ UInt64(i))
    let h = S(tolerance.step)
    var plus = inputs
    plus[i] = input + direction * h
    var minus = inputs
    minus[i] = input - direction * h
    let fPlus = function(plus)
    let fMinus = function(minus)
    // ⟨u, J·t⟩ by central differences, accumulated in Double.
    var forward = 0.0
    for (k, u) in cotangent.scalars.enumerated() {
      forward += Double(u) * (Double(fPlus.scalars[k]) - Double(fMinus.scalars[k])) / (2 * tolerance.step)
    }
    let backward = tensorDot(gradients[i], direction)
    let difference = Swift.abs(forward - backward)
    let scale = Swift.max(Swift.abs(forward), Swift.abs(backward))
    if !(difference <= tolerance.absolute + tolerance.relative * scale) {
      XCTFail(
        """
        \(name), input \(i) (shape \(input.shape)): dot-product identity fails: \
        ⟨u, J·t⟩ by finite differences = \(forward), ⟨Jᵀ·u, t⟩ by the pullback = \(backward), \
        relative error \(difference / Swift.max(scale, .leastNonzeroMagnitude)) \
        (tolerance \(tolerance.relative))
        """, file: file, line: line)
    }
  }
}

/// Checks a one-input tensor rule.
func tensorCheckVJP<S: TensorScalar>(
  _ name: String, at x: Tensor<S>,
  _ function: (Tensor<S>) -> Tensor<S>,
  _ rule: (Tensor<S>) -> (value: Tensor<S>, pullback: (Tensor<S>) -> Tensor<S>),
  tolerance: TensorGradCheckTolerance = .default(for: S.self),
  file: StaticString = #filePath, line: UInt = #line
) {
  tensorCheckVJP(
    name, at: [x], function: { function($0[0]) },
    rule: { inputs in
      let (value, pullback) = rule(inputs[0])
      return (value, { [pullback($0)] })
    }, tolerance: tolerance, file: file, line: line)
}

/// Checks a two-input tensor rule.
func tensorCheckVJP<S: TensorScalar>(
  _ name: String, at x: Tensor<S>, _ y: Tensor<S>,
  _ function: (Tensor<S>, Tensor<S>) -> Tensor<S>,
  _ rule: (Tensor<S>, Tensor<S>) -> (value: Tensor<S>, pullback: (Tensor<S>) -> (Tensor<S>, Tensor<S>)),
  tolerance: TensorGradCheckTolerance = .default(for: S.self),
  file: StaticString = #filePath, line: UInt = #line
) {
  tensorCheckVJP(
    name, at: [x, y], function: { function($0[0], $0[1]) },
    rule: { inputs in
      let (value, pullback) = rule(inputs[0], inputs[1])
      return (value, { let (a, b) = pullback($0); return [a, b] })
    }, tolerance: tolerance, file: file, line: line)
}
