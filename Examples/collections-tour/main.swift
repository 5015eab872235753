// Gradients through Swift's own data: arrays mutated in place, dictionaries, tuples, optionals,
// closures and a dictionary of functions chosen at run time. Each gradient is printed next to a
// central finite difference; the program exits with status 1 if any pair disagrees.
//
//     swift run collections-tour
import Zygote
#if canImport(Glibc)
import Glibc
#endif

var failures = 0

/// Prints a gradient and its finite-difference check.
@MainActor
func report(_ name: String, _ gradient: Double, _ f: (Double) -> Double, at x: Double) {
  let h = 1e-6 * max(1, abs(x))
  let expected = (f(x + h) - f(x - h)) / (2 * h)
  let ok = abs(gradient - expected) <= 1e-6 * max(1, abs(expected))
  if !ok { failures += 1 }
  print("\(name): gradient \(gradient), finite difference \(expected) \(ok ? "ok" : "MISMATCH")")
}

// 1. Array mutation (Zygote.jl refuses it): an explicit-Euler pendulum writing its state in place.
@Differentiable
func pendulumHeight(_ length: Double) -> Double {
  var state = [0.5, 0.0]  // angle, angular velocity
  for _ in 0..<200 {
    state[1] -= 0.01 * 9.81 / length * sin(state[0])
    state[0] += 0.01 * state[1]
  }
  return length * (1 - cos(state[0]))
}
report("arrays: pendulum height w.r.t. length", #gradient(pendulumHeight, at: 1.3), pendulumHeight, at: 1.3)

// 2. Dictionaries: the gradient holds the keys that were read.
@Differentiable
func portfolio(_ weights: [String: Double], _ rate: Double) -> Double {
  var total = 0.0
  for (asset, weight) in weights where asset != "cash" {
    total += weight * weight * rate
  }
  return total + (weights["cash"] ?? 0)
}
let weights = ["bonds": 0.3, "stocks": 0.6, "cash": 0.1]
let (dWeights, dRate) = #gradient(portfolio, at: weights, 1.05)
print("dictionaries: d/dweights = \(dWeights.sorted { $0.key < $1.key }), d/drate = \(dRate)")
report("dictionaries: d/d stocks", dWeights["stocks"]!, { w in portfolio(["bonds": 0.3, "stocks": w, "cash": 0.1], 1.05) }, at: 0.6)

// 3. Tuples and optionals.
@Differentiable
func polar(_ r: Double, _ theta: Double) -> (x: Double, y: Double) { (x: r * cos(theta), y: r * sin(theta)) }

@Differentiable
func tupleAndOptional(_ r: Double) -> Double {
  let (x, y) = polar(r, 0.7)
  let clipped: Double? = x > 0 ? x : nil
  guard let positive = clipped else { return y }
  return positive * y
}
report("tuples and optionals", #gradient(tupleAndOptional, at: 1.5), tupleAndOptional, at: 1.5)

// 4. Closures: map, filter and reduce capture the variable being differentiated.
@Differentiable
func softThreshold(_ xs: [Double], _ scale: Double) -> Double {
  xs.map { x in tanh(x * scale) }.filter { $0 > -0.5 }.reduce(0) { sum, y in sum + y * y }
}
let samples = [-1.0, -0.2, 0.4, 1.1, 2.0]
report("closures: d/dscale", #gradient({ s in softThreshold(samples, s) }, at: 0.8), { softThreshold(samples, $0) }, at: 0.8)

// 5. A dictionary of functions chosen at run time (Zygote's README example).
let functions: [String: DifferentiableFunction<Double, Double>] = ["sin": #differentiable(sin), "cos": #differentiable(cos), "tanh": #differentiable(tanh)]
for name in ["sin", "cos", "tanh"] {
  let g = #gradient({ x in functions[name]!(x) }, at: 1.0)
  report("function values: d/dx \(name)(x) at 1", g, { functions[name]!($0) }, at: 1.0)
}

if failures > 0 {
  print("\(failures) mismatch(es)")
  exit(1)
}
print("all gradients match their finite differences")
