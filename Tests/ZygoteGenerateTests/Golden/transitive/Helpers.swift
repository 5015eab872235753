import Foundation
import Zygote

// Unannotated: reached from loss, and helper2 from helper.
func helper(_ x: Double, _ y: Double) -> Double {
  var s = x
  for _ in 0..<3 {
    s = helper2(s) * y
  }
  return s
}

func helper2(_ x: Double) -> Double {
  sin(x) + x * x
}

func square(_ x: Double) -> Double { x * x }

// Recursive: reached through its own calls only once.
func power(_ x: Double, _ n: Int) -> Double {
  n == 0 ? 1 : x * power(x, n - 1)
}

// Never reached: no pullback.
func unused(_ x: Double) -> Double { x + 1 }
