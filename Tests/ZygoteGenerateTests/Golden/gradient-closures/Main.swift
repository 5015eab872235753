import Zygote

func cube(_ x: Double) -> Double { x * x * x }

func shifted(_ x: Double) -> Double { cube(x + 1) }

func run() {
  // A closure literal: its calls are followed.
  print(#gradient({ x in cube(x) + 2 * x }, at: 2.0))
  // A function named in #gradient gets its rule from the plugin.
  print(#gradient(shifted, at: 1.0))
  // Calls inside dropgrad are not differentiated: no pullback for them.
  print(#gradient({ x in x * dropgrad(untouched(x)) }, at: 1.0))
}

func untouched(_ x: Double) -> Double { x - 1 }
