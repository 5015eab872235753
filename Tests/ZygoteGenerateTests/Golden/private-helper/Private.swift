import Zygote

@Differentiable
func f(_ x: Double) -> Double {
  hidden(x) + 1
}

// A separate generated file cannot call a private function: the plugin says so at this line.
private func hidden(_ x: Double) -> Double { x * 2 }
