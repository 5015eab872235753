// `dropgrad` in forward mode and in second derivatives. Generic code resolves `dropgrad(x)` when
// it is compiled, before it knows that its scalar will be a dual number; the value must still
// come out without derivatives, or forward mode and Hessians count the stopped path (a wrong
// derivative: 2x instead of x for x·dropgrad(x)). A stopped value is a constant to every order,
// as with JAX's stop_gradient: the Hessian of x·dropgrad(x) is 0.

import XCTest
import Zygote
import ZygoteMath

@Differentiable
func halfStopped<T: ElementaryFloatingPoint>(_ x: T) -> T { x * dropgrad(x) }

@Differentiable
func halfStoppedArray<T: ElementaryFloatingPoint>(_ x: [T]) -> T {
  let frozen = dropgrad(x)
  return x[0] * frozen[1] + sin(x[1]) * frozen[0]
}

@Differentiable
func halfStoppedTensor<S: TensorScalar>(_ x: Tensor<S>) -> S { (x * dropgrad(x)).sum() }

final class DropGradForwardModeTests: XCTestCase {
  func testScalar() {
    XCTAssertEqual(#gradient(halfStopped, at: 3.0), 3)
    XCTAssertEqual(#pushforward(halfStopped, at: 3.0).differential(1), 3)
    XCTAssertEqual(#derivative(halfStopped, at: 3.0), 3)
    XCTAssertEqual(#hessian(halfStopped, at: 3.0), 0)
    // Nested duals (a third-order quantity) stop at every level too.
    let nested = halfStopped(Dual(Dual(3.0, derivative: 1), derivative: Dual(1, derivative: 0)))
    XCTAssertEqual(nested.derivative.value, 3)
    XCTAssertEqual(nested.derivative.derivative, 0)
  }

  func testArray() {
    let x = [0.5, 2.0]
    // ∂/∂x₀ = frozen₁ = x₁, ∂/∂x₁ = cos(x₁)·frozen₀.
    let gradient = #gradient(halfStoppedArray, at: x)
    XCTAssertEqual(gradient[0], 2.0, accuracy: 1e-15)
    XCTAssertEqual(gradient[1], cos(2.0) * 0.5, accuracy: 1e-15)
    let (_, differential) = #pushforward(halfStoppedArray, at: x)
    XCTAssertEqual(differential([1, 0]), 2.0, accuracy: 1e-15)
    XCTAssertEqual(differential([0, 1]), cos(2.0) * 0.5, accuracy: 1e-15)
    // The gradient (x₁, cos(x₁)·x₀) with frozen values is constant in x except through cos(x₁).
    let h = #hessian(halfStoppedArray, at: x)
    XCTAssertEqual(h[0][0], 0)
    XCTAssertEqual(h[0][1], 0)
    XCTAssertEqual(h[1][0], 0)
    XCTAssertEqual(h[1][1], -sin(2.0) * 0.5, accuracy: 1e-15)
  }

  func testTensor() {
    let x = Tensor<Double>([3, -1])
    XCTAssertEqual(#gradient(halfStoppedTensor, at: x), x)
    XCTAssertEqual(#pushforward(halfStoppedTensor, at: x).differential(Tensor([1, 1])), 2)
    XCTAssertEqual(#hessian(halfStoppedTensor, at: x), Tensor.zeros(shape: [2, 2]))
    // On plain Double tensors dropgrad is the identity, without a copy of the scalars.
    x.withUnsafeBufferPointer { original in
      dropgrad(x).withUnsafeBufferPointer { stopped in
        XCTAssertEqual(original.baseAddress, stopped.baseAddress)
      }
    }
  }
}

/// Generic over `BinaryFloatingPoint` only: `dropgrad` resolves to the unconstrained overloads,
/// which must still find the dual parts at run time.
@Differentiable
func halfStoppedBinary<T: BinaryFloatingPoint>(_ x: T) -> T { x * dropgrad(x) }

@Differentiable
func halfStoppedBinaryArray<T: BinaryFloatingPoint>(_ x: [T]) -> T { x[0] * dropgrad(x)[0] * x[1] }

final class DropGradBinaryFloatingPointTests: XCTestCase {
  func testUnconstrainedOverloadsDropDualParts() {
    XCTAssertEqual(#gradient(halfStoppedBinary, at: 3.0), 3)
    XCTAssertEqual(halfStoppedBinary(Dual(3.0, derivative: 1)).derivative, 3)
    XCTAssertEqual(#hessian(halfStoppedBinary, at: 3.0), 0)
    // f = x₀·stop(x₀)·x₁: ∇f = (stop(x₀)·x₁, x₀·stop(x₀)); H = [[0, stop(x₀)], [stop(x₀), 0]].
    XCTAssertEqual(#gradient(halfStoppedBinaryArray, at: [2.0, 5.0]), [10, 4])
    XCTAssertEqual(#hessian(halfStoppedBinaryArray, at: [2.0, 5.0]), [[0, 2], [2, 0]])
    // Values without dual parts pass through unchanged.
    XCTAssertEqual(dropgrad([1.0, 2.0]), [1, 2])
    XCTAssertEqual(dropgrad("text"), "text")
  }
}
