import XCTest
import Zygote

// Implicit parameters read in every position: as an operand, as a method's receiver, inside an
// expression with no other differentiated value, through a local, and inside a @Differentiable
// function (a wrong gradient here would be silent: g[W] would just be nil).

nonisolated(unsafe) var implicitGW = Tensor<Double>([1, 2, 3])

@Differentiable
func readsGlobalAsReceiver(_ x: Tensor<Double>) -> Double { implicitGW.sum() + x.sum() }

@Differentiable
func readsGlobalInProduct(_ x: Tensor<Double>) -> Double { (implicitGW * implicitGW).sum() + x.sum() }

final class ImplicitParameterTests: XCTestCase {
  func testEveryKindOfRead() {
    let W = Tensor<Double>([1, 2, 3])
    XCTAssertEqual(#gradient(Params([W])) { W.sum() }[W]?.scalars, [1, 1, 1])
    XCTAssertEqual(#gradient(Params([W])) { (W * W).sum() }[W]?.scalars, [2, 4, 6])
    XCTAssertEqual(#gradient(Params([W])) { (W * 2.0).mean() + 0 }[W]?.scalars ?? [], [2.0 / 3, 2.0 / 3, 2.0 / 3])
    XCTAssertEqual(#gradient(Params([W])) { () -> Double in
      let p = W * W
      return p.sum()
    }[W]?.scalars, [2, 4, 6])
  }

  func testGlobalsReadInsideDifferentiableFunctions() {
    let x = Tensor<Double>([0, 0, 0])
    XCTAssertEqual(#gradient(Params([implicitGW])) { readsGlobalAsReceiver(x) }[implicitGW]?.scalars, [1, 1, 1])
    XCTAssertEqual(#gradient(Params([implicitGW])) { readsGlobalInProduct(x) }[implicitGW]?.scalars, [2, 4, 6])
  }

  func testAParameterTheLossNeverReadsHasNoGradient() {
    let W = Tensor<Double>([1, 2])
    let unused = Tensor<Double>([5])
    let g = #gradient(Params([W, unused])) { W.sum() }
    XCTAssertNil(g[unused])
    XCTAssertEqual(g[W]?.scalars, [1, 1])
  }
}
