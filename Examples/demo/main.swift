// The seed's first example: f(x) = 5x + 3, whose derivative is 5 everywhere.
//
//     swift run demo
import Zygote
#if canImport(Glibc)
import Glibc
#endif

@Differentiable
func f(_ x: Double) -> Double { 5 * x + 3 }

print("f(10) =", f(10), " f'(10) =", #derivative(f, at: 10.0))

// Control flow keeps its shape: a loop with a branch, differentiated in both arguments.
@Differentiable
func g(_ x: Double, _ y: Double) -> Double {
  var s = x
  for i in 0..<10 {
    if i % 2 == 0 { s = sin(s) * y } else { s += x / (1 + y * y) }
  }
  return s
}

let (dx, dy) = #gradient(g, at: 0.5, 2.0)
print("g(0.5, 2) =", g(0.5, 2.0), " dg/dx =", dx, " dg/dy =", dy)

// Closures work inline.
print("d/dx x*x at 3 =", #gradient({ x in x * x }, at: 3.0))
