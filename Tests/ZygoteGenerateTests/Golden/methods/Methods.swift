import Zygote

struct Scaler {
  var factor: Double

  func apply(_ x: Double) -> Double { factor * x * x }

  static func twice(_ x: Double) -> Double { 2 * x }

  // Calls another method through `self`: reached transitively, as `self._vjpm(apply: x)`.
  func applyTwice(_ x: Double) -> Double { self.apply(x) + Scaler.twice(x) }
}

enum Physics {
  struct Spring {
    var k: Double
  }
}

extension Physics.Spring {
  func energy(_ x: Double) -> Double { 0.5 * k * x * x }
}

// A constrained extension: the generated extension repeats its where clause.
extension Array where Element == Double {
  func scaledCount(_ w: Double) -> Double { Double(count) * w }
}

@Differentiable
func total(_ x: Double) -> Double {
  let s = Scaler(factor: 3)
  let spring = Physics.Spring(k: 2)
  let xs = [1.0, 2.0]
  return s.applyTwice(x) + spring.energy(x) + xs.scaledCount(x)
}
