// The README's examples.
import Zygote

@Differentiable
func f(_ x: Double) -> Double { 5 * x + 3 }

print(f(10), #derivative(f, at: 10.0))   // 53.0 5.0

@Differentiable
func g(_ x: Double, _ y: Double) -> Double {
  var s = x
  for i in 0..<10 {
    if i % 2 == 0 { s = sin(s) * y } else { s += x / (1 + y * y) }
  }
  return s
}

let (dx, dy) = #gradient(g, at: 0.5, 2.0)            // one gradient per argument
let (value, grad) = #valueWithGradient(f, at: 10.0)   // (53.0, 5.0)
let (y, back) = #pullback(f, at: 10.0)                // back(1.0) == 5.0
#gradient({ x in x * x }, at: 3.0)                    // closures inline: 6.0
#gradient({ (x: Double, y: Double) in x * y }, at: 2.0, 3.0)   // (3.0, 2.0)

func add(_ a: Double, _ b: Double) -> Double { a + b }

@Adjoint(of: add)
func addAdjoint(_ a: Double, _ b: Double) -> (value: Double, pullback: (Double) -> (Double, Double)) {
  (add(a, b), { d in (d, d) })
}

#gradient({ x in x * dropgrad(x) }, at: 3.0)   // 3.0: the second factor is a constant
